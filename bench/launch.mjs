// How production starts the portal, read off the start script (`NAME=value … node --flag …
// dist/server.js`, as the Dockerfile's ENV and CMD), so that every benchmark runs the portal
// and its ceilings with the same environment and V8 flags: memory and speed as deployed.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const startScript = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start
const launch = /((?:[A-Z_]+=\S+ )*)node ((?:--\S+ )*)dist\/server\.js/.exec(startScript)
const words = (text) => (text ?? '').split(' ').filter(Boolean)

/** The environment variables the start script sets. */
export const NODE_ENV_VARS = Object.fromEntries(words(launch?.[1]).map((pair) => pair.split('=')))
/** The V8 flags the start script passes. */
export const NODE_FLAGS = words(launch?.[2])
/** The launch line as the report prints it. */
export const LAUNCH_LINE = [...words(launch?.[1]), 'node', ...NODE_FLAGS].join(' ')

/** The production environment every benchmark server runs in, with its data in `dataDir`. */
export function productionEnv(dataDir) {
  return {
    ...process.env,
    ...NODE_ENV_VARS,
    NODE_ENV: 'production',
    SERVICE_URL: 'https://portal.example',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    TRUST_PROXY: '1',
    BRAND: 'govuk',
    DATABASE_URL: '',
    REDIS_URL: '',
  }
}

const children = []

/**
 * Starts `node <args>` with the start script's V8 flags, its stdout dropped and its stderr
 * shown; every process started here is stopped by `stopAll`, and when the benchmark exits.
 */
export function startNode(args, env) {
  const child = spawn(process.execPath, [...NODE_FLAGS, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  children.push(child)
  return child
}

export function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
}
process.on('exit', stopAll)

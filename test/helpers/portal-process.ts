import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './redis-server'

const ROOT = path.resolve(__dirname, '../..')

/** Every instance of one test deployment signs cookies with the same secret, as in production. */
export const SHARED_SECRET = 'test-secret-shared-by-every-instance-0123456789'

export interface PortalProcess {
  readonly url: string
  readonly port: number
  readonly child: ChildProcess
  /** What the process wrote to stderr, for a failing test's message. */
  readonly output: () => string
  /** SIGKILL: no graceful shutdown, requests in flight are cut. */
  kill(): Promise<void>
  /** SIGTERM and wait for a graceful exit. */
  stop(): Promise<void>
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`portal exited with ${child.exitCode}:\n${output()}`)
    try {
      if ((await fetch(`${url}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`portal not up after ${timeoutMs} ms:\n${output()}`)
}

/**
 * The compiled server that jest's global setup (and `npm run build`) just built, as a user
 * runs it; from source through ts-register.js when there is no build (much slower to start).
 */
function serverArgs(): string[] {
  const built = path.join(ROOT, 'dist', 'server.js')
  if (fs.existsSync(built)) return [built]
  return ['-r', path.join(ROOT, 'test/helpers/ts-register.js'), path.join(ROOT, 'app/server.ts')]
}

/** Children still alive; killed when the test process exits so none outlives a failed test. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/**
 * Starts the portal in a child process (see serverArgs), on
 * a free port, and resolves once `/health` answers. `env` adds to a clean test
 * environment: pass DATABASE_URL / REDIS_URL for the several-instances deployment, or
 * DATA_DIR to share a SQLite file between restarts.
 */
export async function startPortal(env: Record<string, string> = {}, port?: number): Promise<PortalProcess> {
  const listenOn = port ?? (await freePort())
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-proc-'))
  const child = spawn(process.execPath, serverArgs(), {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      SESSION_SECRET: SHARED_SECRET,
      ...env,
      DATA_DIR: dataDir,
      PORT: String(listenOn),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)))
  const output = () => stderr
  const url = `http://127.0.0.1:${listenOn}`
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name)
    await exited
  }
  try {
    await waitUntilUp(url, child, output, 60_000)
  } catch (error) {
    await signal('SIGKILL')
    throw error
  }
  return { url, port: listenOn, child, output, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') }
}

/** Starts several at once (so they migrate at the same moment); if any fails, stops the rest. */
export async function startPortals(count: number, env: Record<string, string>): Promise<PortalProcess[]> {
  const results = await Promise.allSettled(Array.from({ length: count }, () => startPortal(env)))
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const failure = results.find((result) => result.status === 'rejected')
  if (failure) {
    await Promise.all(started.map((portal) => portal.kill()))
    throw failure.reason
  }
  return started
}

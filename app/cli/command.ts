import { parseArgs } from 'node:util'
import { openDatabase } from '../bootstrap'
import { systemClock, type Clock } from '../clock'
import { ConfigError, loadConfig, type Config } from '../config'
import type { Db } from '../store/db'
import { migrate } from '../store/migrate'

/** Where a command writes; tests pass their own to read what an operator would see. */
export interface CliIo {
  out(text: string): void
  err(line: string): void
}

/** Exit code for a command line the operator got wrong (as most Unix tools use). */
export const USAGE_ERROR = 2

/**
 * Parses `--name value` options strictly; on a mistake, prints it with the usage and
 * returns undefined so the command exits with USAGE_ERROR.
 */
export function parseOptions<K extends string>(
  argv: readonly string[],
  names: readonly K[],
  usage: string,
  io: CliIo,
): Partial<Record<K, string>> | undefined {
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]))
  try {
    return parseArgs({ args: [...argv], options, strict: true }).values as Partial<Record<K, string>>
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage}`)
    return undefined
  }
}

/** A command: its arguments, environment, output and clock in; its exit code out. */
export type Command = (argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo, clock: Clock) => Promise<number>

/**
 * Runs `work` against the store the server would use (DATABASE_URL, else the SQLite file in
 * DATA_DIR), migrated first so a command run before the first start still works. A broken
 * configuration is reported in one line with `configErrorCode`, never a stack trace.
 */
export async function withStore(
  env: NodeJS.ProcessEnv,
  io: CliIo,
  clock: Clock,
  configErrorCode: number,
  work: (db: Db, config: Config) => Promise<number>,
): Promise<number> {
  let config
  try {
    config = loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message)
      return configErrorCode
    }
    throw error
  }
  const db = openDatabase(config)
  try {
    await migrate(db, clock)
    return await work(db, config)
  } finally {
    await db.close()
  }
}

/**
 * Runs a command as the process's main module: its result becomes the exit code.
 * `outputIs: 'lines'` for commands whose `out` gives one line at a time (not a document).
 */
export function runAsMain(command: Command, outputIs: 'text' | 'lines'): void {
  const end = outputIs === 'lines' ? '\n' : ''
  const io: CliIo = {
    out: (text) => process.stdout.write(`${text}${end}`),
    err: (line) => process.stderr.write(`${line}\n`),
  }
  command(process.argv.slice(2), process.env, io, systemClock).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    },
  )
}

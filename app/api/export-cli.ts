import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { openDatabase } from '../bootstrap'
import { ConfigError, loadConfig } from '../config'
import { migrate } from '../store/migrate'
import type { Queryable } from '../store/db'
import { toCsv } from '../staff/csv'
import { listSubmissions, type SubmissionItem } from './submissions-repository'

const USAGE = 'Usage: npm run export:submissions -- --since YYYY-MM-DD [--out FILE] [--application ID]'
const HEADER = [
  'reference',
  'application',
  'channel',
  'staff_id',
  'consent_at',
  'locale',
  'started_at',
  'submitted_at',
  'answers',
] as const

export interface CliIo {
  out(text: string): void
  err(line: string): void
}

const row = (s: SubmissionItem) => [
  s.reference,
  s.application,
  s.channel,
  s.staffId,
  s.consentAt,
  s.locale,
  s.startedAt,
  s.submittedAt,
  JSON.stringify(s.answers),
]

/** Every submission since a date as CSV (formula-safe cells; answers as one JSON cell), paged so memory stays flat. */
export async function submissionsCsv(q: Queryable, since: string, application?: string): Promise<string> {
  const rows: (string | null)[][] = []
  let cursor: string | undefined
  do {
    const page = await listSubmissions(q, { since, cursor, limit: 500, application })
    rows.push(...page.items.map(row))
    cursor = page.cursor ?? undefined
  } while (cursor)
  return toCsv(HEADER, rows)
}

/** `npm run export:submissions -- --since DATE`: reads the store the server would use. Returns the exit code. */
export async function exportSubmissions(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let values: { since?: string; out?: string; application?: string }
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: { since: { type: 'string' }, out: { type: 'string' }, application: { type: 'string' } },
      strict: true,
    }))
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const since = values.since ? new Date(values.since) : undefined
  if (!since || Number.isNaN(since.getTime())) {
    io.err(`--since must be a date such as 2026-11-01\n${USAGE}`)
    return 2
  }
  let config
  try {
    config = loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message)
      return 1
    }
    throw error
  }
  const db = openDatabase(config)
  try {
    await migrate(db)
    const csv = await submissionsCsv(db, since.toISOString(), values.application)
    if (values.out) fs.writeFileSync(values.out, csv, { mode: 0o600 })
    else io.out(csv)
    return 0
  } finally {
    await db.close()
  }
}

if (require.main === module) {
  exportSubmissions(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(text),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    },
  )
}

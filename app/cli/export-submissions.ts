import fs from 'node:fs'
import { parseOptions, runAsMain, USAGE_ERROR, withStore, type Command } from './command'
import type { Queryable } from '../store/db'
import { toCsv } from '../staff/csv'
import { listSubmissions, type SubmissionItem } from '../api/service/submissions-repository'

const USAGE = 'Usage: npm run export:submissions -- --since YYYY-MM-DD [--out FILE] [--application ID]'
const HEADER = ['reference', 'application', 'channel', 'consent_at', 'locale', 'submitted_at', 'answers'] as const

const row = (s: SubmissionItem) => [
  s.reference,
  s.application,
  s.channel,
  s.consentAt,
  s.locale,
  s.submittedAt,
  JSON.stringify(s.answers),
]

/** Every submission since a date as CSV (formula-safe cells; answers as one JSON cell), paged so memory stays flat. */
export async function submissionsCsv(q: Queryable, since: string, application?: string): Promise<string> {
  const rows: (string | null)[][] = []
  let cursor: string | undefined
  do {
    const page = await listSubmissions(q, {
      since,
      cursor,
      limit: 500,
      applications: application ? [application] : undefined,
    })
    rows.push(...page.items.map(row))
    cursor = page.cursor ?? undefined
  } while (cursor)
  return toCsv(HEADER, rows)
}

/** `npm run export:submissions -- --since DATE`: reads the store the server would use. Returns the exit code. */
export const exportSubmissions: Command = async (argv, env, io, clock) => {
  const values = parseOptions(argv, ['since', 'out', 'application'], USAGE, io)
  if (!values) return USAGE_ERROR
  const since = values.since ? new Date(values.since) : undefined
  if (!since || Number.isNaN(since.getTime())) {
    io.err(`--since must be a date such as 2026-11-01\n${USAGE}`)
    return USAGE_ERROR
  }
  return withStore(env, io, clock, 1, async (db) => {
    const csv = await submissionsCsv(db, since.toISOString(), values.application)
    if (values.out) fs.writeFileSync(values.out, csv, { mode: 0o600 })
    else io.out(csv)
    return 0
  })
}

if (require.main === module) runAsMain(exportSubmissions, 'text')

import { randomUUID } from 'node:crypto'
import type { Queryable } from '../store/db'

/**
 * The outbox: every email is first a row, written in the same transaction as whatever
 * caused it (a submission, a saved draft), so a crash can never send an email for
 * something that was not stored, nor store something whose email is lost. A worker then
 * delivers due rows. Generic on purpose: template name, recipient, personalisation JSON.
 */
export type Template = 'application-submitted' | 'draft-saved'

export interface OutboxMessage {
  template: Template
  recipient: string
  personalisation: Readonly<Record<string, string>>
}

export interface OutboxRow {
  id: string
  template: string
  recipient: string
  personalisation: string
  status: 'pending' | 'sent' | 'failed'
  attempts: number
  next_attempt_at: string
  created_at: string
  sent_at: string | null
}

export async function enqueue(q: Queryable, message: OutboxMessage, now: string): Promise<string> {
  const id = randomUUID()
  await q.run(
    `INSERT INTO outbox (id, template, recipient, personalisation, status, attempts, next_attempt_at, created_at, sent_at)
     VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5, NULL)`,
    [id, message.template, message.recipient, JSON.stringify(message.personalisation), now],
  )
  return id
}

export async function dueMessages(q: Queryable, now: string, limit: number): Promise<OutboxRow[]> {
  return q.all<OutboxRow>(
    `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2`,
    [now, limit],
  )
}

export async function markSent(q: Queryable, id: string, now: string): Promise<void> {
  await q.run(`UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = $2 WHERE id = $1`, [id, now])
}

/** Retry later with a growing gap; after `maxAttempts` the row is left `failed` for a person to look at. */
export async function markFailed(q: Queryable, row: OutboxRow, now: Date, maxAttempts = 5): Promise<void> {
  const attempts = row.attempts + 1
  const status = attempts >= maxAttempts ? 'failed' : 'pending'
  const next = new Date(now.getTime() + 60_000 * 2 ** attempts).toISOString()
  await q.run('UPDATE outbox SET status = $2, attempts = $3, next_attempt_at = $4 WHERE id = $1', [
    row.id,
    status,
    attempts,
    next,
  ])
}

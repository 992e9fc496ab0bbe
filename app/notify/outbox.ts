import { randomUUID } from 'node:crypto'
import type { Queryable } from '../store/db'

/**
 * The outbox: every email is first a row, written in the same transaction as whatever
 * caused it (a submission, a saved draft), so a crash can never send an email for
 * something that was not stored, nor store something whose email is lost. A worker then
 * delivers due rows. Generic on purpose: template name, recipient, personalisation JSON.
 */
export type Template = 'application-submitted' | 'draft-saved' | 'plan-kept' | 'deadline-reminder'

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

/** Queues an email, due at once, or not before `sendAt` (ISO; a deadline reminder waits for its day). */
export async function enqueue(
  q: Queryable,
  message: OutboxMessage,
  now: string,
  sendAt: string = now,
): Promise<string> {
  const id = randomUUID()
  await q.run(
    `INSERT INTO outbox (id, template, recipient, personalisation, status, attempts, next_attempt_at, created_at, sent_at)
     VALUES ($1, $2, $3, $4, 'pending', 0, $6, $5, NULL)`,
    [id, message.template, message.recipient, JSON.stringify(message.personalisation), now, sendAt],
  )
  return id
}

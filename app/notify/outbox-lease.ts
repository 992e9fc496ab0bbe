import { randomUUID } from 'node:crypto'
import type { Queryable } from '../store/db'
import type { OutboxRow } from './outbox'

/** A claimed row; `wasClaimedBefore` means an earlier holder's lease ran out mid-send. */
export interface ClaimedRow extends OutboxRow {
  claimed_by: string
  wasClaimedBefore: boolean
}

/**
 * Claims up to `limit` due rows for `leaseMs`, atomically, in one statement that works on
 * both databases. A row is due when pending and its time has come, or when it is being
 * sent but its lease has run out (the instance sending it died). The outer WHERE repeats
 * the condition so that, on PostgreSQL, an instance that loses the race for a row re-checks
 * it after the winner commits and skips it: no row is ever held by two workers at once.
 * SQLite serialises writers, so there the statement is atomic as it stands.
 */
export async function claimDue(q: Queryable, now: Date, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  const token = randomUUID()
  const at = now.toISOString()
  const due = `status IN ('pending', 'sending') AND next_attempt_at <= $1`
  const rows = await q.all<OutboxRow & { claimed_by: string; was: string }>(
    `UPDATE outbox SET status = 'sending', claimed_by = $2, next_attempt_at = $3, attempts = attempts + 1
     WHERE id IN (SELECT id FROM outbox WHERE ${due} ORDER BY next_attempt_at, id LIMIT $4) AND ${due}
     RETURNING *, CASE WHEN attempts > 1 THEN 'yes' ELSE 'no' END AS was`,
    [at, token, new Date(now.getTime() + leaseMs).toISOString(), limit],
  )
  return rows.map(({ was, ...row }) => ({ ...row, wasClaimedBefore: was === 'yes' }))
}

/**
 * Marks a row sent, if this worker still holds it, and blanks what it carried: the
 * recipient and the personalisation (a resume link is a live token until used) are no
 * longer needed once Notify has the email. Returns false when the lease was lost.
 */
export async function completeSent(q: Queryable, row: ClaimedRow, now: Date): Promise<boolean> {
  const { changes } = await q.run(
    `UPDATE outbox SET status = 'sent', sent_at = $3, claimed_by = NULL, recipient = '', personalisation = '{}'
     WHERE id = $1 AND claimed_by = $2`,
    [row.id, row.claimed_by, now.toISOString()],
  )
  return changes === 1
}

/** Exponential back-off with jitter: 30 s, 1 min, 2 min … capped at an hour. */
export function backoffMs(attempts: number, baseMs = 30_000, capMs = 3_600_000): number {
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(exponential * (0.8 + Math.random() * 0.4))
}

/** Puts a failed row back in the queue for later, or gives up after `maxAttempts` ('failed', for a person to look at). */
export async function releaseForRetry(q: Queryable, row: ClaimedRow, now: Date, maxAttempts = 5): Promise<void> {
  const next = new Date(now.getTime() + backoffMs(row.attempts)).toISOString()
  await q.run(
    `UPDATE outbox SET status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
       next_attempt_at = $4, claimed_by = NULL
     WHERE id = $1 AND claimed_by = $2`,
    [row.id, row.claimed_by, maxAttempts, next],
  )
}

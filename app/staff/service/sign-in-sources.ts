import { createHmac } from 'node:crypto'
import type { Queryable } from '../../store/db'

/** An address is familiar for an account for this long after its last good sign-in from it. */
export const FAMILIAR_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

/** A keyed hash of the address key: the table can match an address without holding one. */
export function sourceOf(secret: string, addressKey: string): string {
  return createHmac('sha256', secret).update(`staff-sign-in-source:${addressKey}`).digest('base64url')
}

const since = (now: Date) => new Date(now.getTime() - FAMILIAR_DAYS * DAY_MS).toISOString()

/** Whether this account signed in successfully from this source within FAMILIAR_DAYS. */
export async function isFamiliarSource(q: Queryable, accountId: string, source: string, now: Date): Promise<boolean> {
  const row = await q.get<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM staff_sign_in_sources WHERE account_id = $1 AND source = $2 AND last_success_at >= $3',
    [accountId, source, since(now)],
  )
  return Number(row?.n ?? 0) > 0
}

/** Records a good sign-in from this source, and forgets the account's sources gone stale. */
export async function rememberSource(q: Queryable, accountId: string, source: string, now: Date): Promise<void> {
  await q.run(
    `INSERT INTO staff_sign_in_sources (account_id, source, last_success_at) VALUES ($1, $2, $3)
     ON CONFLICT (account_id, source) DO UPDATE SET last_success_at = excluded.last_success_at`,
    [accountId, source, now.toISOString()],
  )
  await q.run('DELETE FROM staff_sign_in_sources WHERE account_id = $1 AND last_success_at < $2', [
    accountId,
    since(now),
  ])
}

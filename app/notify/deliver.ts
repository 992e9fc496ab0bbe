import type { Db } from '../store/db'
import type { Logger } from '../logger'
import type { Notifier } from './notifier'
import { claimDue, completeSent, releaseForRetry, type ClaimedRow } from './outbox-lease'
import type { Template } from './outbox'

/** Long enough for Notify to answer (its client times out well before), short enough to recover a dead instance's rows soon. */
export const LEASE_MS = 2 * 60_000

/**
 * One pass of the delivery loop, safe to run in every instance at once: rows are claimed
 * with a lease (see claimDue), so each is sent by one worker. If an instance dies
 * mid-send its rows come back when the lease ends; before sending such a row again the
 * worker asks the notifier whether the first attempt got through (Notify keeps the row id
 * as the email's reference), so it is neither lost nor sent twice.
 */
export async function deliverDue(
  db: Db,
  notifier: Notifier,
  logger: Logger,
  now: () => Date,
  limit = 20,
  leaseMs = LEASE_MS,
): Promise<number> {
  const rows = await claimDue(db, now(), leaseMs, limit)
  let sent = 0
  for (const row of rows) {
    try {
      if (!(row.wasClaimedBefore && (await notifier.wasSent?.(row.id)))) {
        await notifier.send(row.template as Template, row.recipient, parse(row), row.id)
      }
      if (await completeSent(db, row, now())) sent += 1
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : 'unknown', id: row.id },
        'email delivery failed; will retry',
      )
      await releaseForRetry(db, row, now())
    }
  }
  return sent
}

function parse(row: ClaimedRow): Record<string, string> {
  return JSON.parse(row.personalisation) as Record<string, string>
}

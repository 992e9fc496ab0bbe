import type { Db } from '../store/db'
import type { Logger } from '../logger'
import type { Notifier } from './notifier'
import { dueMessages, markFailed, markSent, type OutboxRow } from './outbox'
import type { Template } from './outbox'

/**
 * One pass of the delivery loop: send what is due, oldest first. Simple on purpose — a
 * single worker per process; leases for several workers are the scale work's to add.
 */
export async function deliverDue(
  db: Db,
  notifier: Notifier,
  logger: Logger,
  now: () => Date,
  limit = 20,
): Promise<number> {
  const rows = await dueMessages(db, now().toISOString(), limit)
  let sent = 0
  for (const row of rows) {
    try {
      await notifier.send(row.template as Template, row.recipient, parse(row), row.id)
      await markSent(db, row.id, now().toISOString())
      sent += 1
    } catch (error) {
      logger.warn(
        { err: error instanceof Error ? error.message : 'unknown', id: row.id },
        'email delivery failed; will retry',
      )
      await markFailed(db, row, now())
    }
  }
  return sent
}

function parse(row: OutboxRow): Record<string, string> {
  return JSON.parse(row.personalisation) as Record<string, string>
}

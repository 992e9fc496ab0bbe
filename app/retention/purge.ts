import type { Db, Queryable } from '../store/db'
import { purgeExpiredDrafts } from '../applications/service/draft-repository'
import { purgeExpiredKeptPlans } from '../triage/service/kept-plans'
import type { RetentionPolicy } from './policy'

/** Any constant; names the "purging" lock on PostgreSQL (the migration lock is another). */
const PURGE_LOCK = 727275

export interface PurgeResult {
  /** False when another instance was purging at that moment: this one left it to them. */
  ran: boolean
  drafts: number
  /** Kept plans whose link expired or was stopped (with what was marked done on them). */
  keptPlans: number
  outbox: number
  submissions: number
  feedbackTexts: number
  staffSignInSources: number
  audit: number
}

const DAY = 86_400_000
const before = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString()

/**
 * Deletes whatever the retention policy no longer allows us to keep. Runs from every
 * instance's housekeeping, but on one at a time: on PostgreSQL it takes a transaction-level
 * advisory lock without waiting, and an instance that does not get it skips this round; on
 * SQLite there is one process per database, and the transaction holds the write lock.
 */
export async function purgeExpired(db: Db, policy: RetentionPolicy, now: Date): Promise<PurgeResult> {
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') {
      const lock = await tx.get<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${PURGE_LOCK}) AS locked`)
      if (!lock?.locked)
        return {
          ran: false,
          drafts: 0,
          keptPlans: 0,
          outbox: 0,
          submissions: 0,
          feedbackTexts: 0,
          staffSignInSources: 0,
          audit: 0,
        }
    }
    return { ran: true, ...(await purgeIn(tx, policy, now)) }
  })
}

async function purgeIn(q: Queryable, policy: RetentionPolicy, now: Date) {
  const drafts = await purgeExpiredDrafts(q, now)
  const keptPlans = await purgeExpiredKeptPlans(q, now)
  // Sent rows are already blank (see outbox-lease.ts); failed ones still hold a link and an address.
  const outbox = await q.run(
    `DELETE FROM outbox WHERE (status = 'sent' AND sent_at <= $1) OR (status = 'failed' AND created_at <= $1)`,
    [before(now, policy.outboxDays * DAY)],
  )
  const submissions = await q.run('DELETE FROM submissions WHERE handed_over_at IS NOT NULL AND handed_over_at <= $1', [
    before(now, policy.submissionDays * DAY),
  ])
  // Feedback rows hold a day, not a time: text from a day at or before the cut-off goes.
  const feedbackTexts = await q.run(
    'UPDATE feedback SET improvement = NULL WHERE improvement IS NOT NULL AND day <= $1',
    [before(now, policy.feedbackTextDays * DAY).slice(0, 10)],
  )
  const staffSignInSources = await q.run('DELETE FROM staff_sign_in_sources WHERE last_success_at < $1', [
    before(now, policy.staffSignInSourceDays * DAY),
  ])
  const audit = await q.run('DELETE FROM audit_events WHERE at < $1', [
    before(now, policy.auditYears * 365.25 * DAY + DAY),
  ])
  return {
    drafts,
    keptPlans,
    outbox: outbox.changes,
    submissions: submissions.changes,
    feedbackTexts: feedbackTexts.changes,
    staffSignInSources: staffSignInSources.changes,
    audit: audit.changes,
  }
}

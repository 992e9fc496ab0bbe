import { randomUUID } from 'node:crypto'
import type { Queryable, SqlValue } from '../../store/db'
import { enqueue } from '../../notify/outbox'
import type { Locale } from '../../i18n/locales'
import { stopRemindersUrl } from '../urls'
import { hashLinkToken, LINK_TOKEN_SHAPE, newLinkToken } from './link-token'

/**
 * Deadline reminders (#15): emails a citizen asked for when keeping a plan, each one an outbox
 * row that is not due until its day (`enqueue` with `sendAt`). The outbox worker sends each once,
 * as it sends every email — claimed under a lease, retried, never twice (app/notify/deliver.ts) —
 * so reminders need no worker of their own. `deadline_reminders` links them to the kept plan and
 * to the stop link, so that stopping, revoking the link or "Delete my answers" can take back
 * every one still waiting (its outbox row is deleted, address and all).
 */

/** One reminder to schedule, worded in the plan's language by the caller. */
export interface ReminderToSend {
  /** The service on the plan (its id). */
  item: string
  /** ISO date of the deadline's last day. */
  deadlineOn: string
  /** When to send it. */
  at: Date
  /** The service's name, and the deadline written out ("Register the death by 2 December 2026"). */
  service: string
  deadline: string
}

export interface ReminderRequest {
  planId: string
  email: string
  language: Locale
  /** The kept plan's own link, so the reminder opens the plan. */
  planLink: string
  reminders: readonly ReminderToSend[]
}

/**
 * Schedules the reminders, inside the caller's transaction (the one that keeps the plan), and
 * returns how many. One stop token serves all of a plan's reminders: 32 random bytes, only its
 * SHA-256 stored. The token travels in each outbox row's personalisation until the email is
 * sent, like the plan link itself; the worker blanks both once Notify has the email.
 */
export async function scheduleReminders(
  tx: Queryable,
  request: ReminderRequest,
  now: Date,
  serviceUrl: string,
): Promise<number> {
  if (request.reminders.length === 0) return 0
  const token = newLinkToken()
  const stopHash = hashLinkToken(token)
  const stop = `${serviceUrl}${stopRemindersUrl(token)}?lang=${request.language}`
  const createdAt = now.toISOString()
  for (const reminder of request.reminders) {
    const sendAt = reminder.at.toISOString()
    const outboxId = await enqueue(
      tx,
      {
        template: 'deadline-reminder',
        recipient: request.email,
        personalisation: {
          service: reminder.service,
          deadline: reminder.deadline,
          link: request.planLink,
          stop,
          locale: request.language,
        },
      },
      createdAt,
      sendAt,
    )
    await tx.run(
      `INSERT INTO deadline_reminders (id, plan_id, item, deadline_on, send_at, outbox_id, stop_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [randomUUID(), request.planId, reminder.item, reminder.deadlineOn, sendAt, outboxId, stopHash, createdAt],
    )
  }
  return request.reminders.length
}

/**
 * Takes back the reminders a WHERE clause picks: their outbox rows still waiting are deleted
 * (with the address), then the reminder rows. A row the worker holds at this very moment
 * ('sending') is already on its way and is left to finish.
 */
async function cancelWhere(q: Queryable, where: string, params: readonly SqlValue[]): Promise<number> {
  await q.run(
    `DELETE FROM outbox WHERE status = 'pending' AND id IN (SELECT outbox_id FROM deadline_reminders WHERE ${where})`,
    params,
  )
  const { changes } = await q.run(`DELETE FROM deadline_reminders WHERE ${where}`, params)
  return changes
}

/** Revoking the kept link, "Delete my answers" and the purge: no reminder outlives its plan. */
export async function cancelReminders(q: Queryable, planId: string): Promise<number> {
  return cancelWhere(q, 'plan_id = $1', [planId])
}

/**
 * A thing marked done, or applied for inside the portal: its reminders still waiting are taken
 * back, since a reminder about something already done is noise. Marking it "not done" again does
 * not bring them back (the citizen can keep the plan again to ask for new ones).
 */
export async function cancelTaskReminders(q: Queryable, planId: string, services: readonly string[]): Promise<number> {
  let cancelled = 0
  for (const item of services) cancelled += await cancelWhere(q, 'plan_id = $1 AND item = $2', [planId, item])
  return cancelled
}

/**
 * The purge's share: reminders of plans the purge is about to delete (`dead`, a condition on
 * kept_plans with the time as $1). Revoking already took them back, and none is scheduled after
 * a plan expires, so this only catches what a failed revoke or a stopped worker left behind.
 */
export async function cancelRemindersOfDeadPlans(q: Queryable, dead: string, now: Date): Promise<number> {
  return cancelWhere(q, `plan_id IN (SELECT id FROM kept_plans WHERE ${dead})`, [now.toISOString()])
}

/**
 * The stop link: every reminder of its plan still waiting is taken back. Stopping twice, or
 * with a link whose reminders have all gone, changes nothing and says the same, so the page
 * never tells anyone whether a link was real.
 */
export async function stopReminders(q: Queryable, token: string): Promise<number> {
  if (!LINK_TOKEN_SHAPE.test(token)) return 0
  return cancelWhere(q, 'stop_hash = $1', [hashLinkToken(token)])
}

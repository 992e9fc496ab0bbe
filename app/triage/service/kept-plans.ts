import { randomUUID, timingSafeEqual } from 'node:crypto'
import type { Db, Queryable } from '../../store/db'
import { enqueue } from '../../notify/outbox'
import { recordAudit } from '../../audit/service/record'
import type { Actor } from '../../applications/service/save-return'
import type { Answers, OutcomeId } from '../../catalogue/types'
import type { Locale } from '../../i18n/locales'
import { formatDate } from '../../i18n/format'
import { translator } from '../../i18n/translate'
import { keys } from '../copy-keys'
import { CATALOGUE } from '../../catalogue'
import { planFor } from '../plan'
import { planTasks, type PlanTask } from '../plan-tasks'
import { cancelReminders, cancelRemindersOfDeadPlans, cancelTaskReminders } from './reminders'
import { hashLinkToken, LINK_TOKEN_SHAPE, newLinkToken } from './link-token'

/**
 * Plans kept without an account ("Email me this plan", issue 15). The emailed link is the
 * only key: 32 random bytes, base64url. Only its SHA-256 is stored, so someone reading the
 * database cannot build a working link; with 256 bits there is nothing to guess, so a plain
 * hash is enough. The address is kept (not hashed) because reminders are sent to it later;
 * stopping the link blanks it, and the purge deletes the row when the link expires.
 */
export interface KeptPlan {
  id: string
  outcome: OutcomeId
  answers: Answers
  language: Locale
  email: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  /** Task id → when it was marked done, and the reference when it was applied for inside the portal. */
  items: Record<string, { doneAt: string | null; reference: string | null }>
}

interface KeptPlanRow {
  id: string
  token_hash: string
  outcome: string
  answers: string
  language: string
  email: string
  created_at: string
  expires_at: string
  revoked_at: string | null
}

const DAY_MS = 86_400_000

export const keptPlanPath = (token: string) => `/plan/kept/${token}`

async function withItems(q: Queryable, row: KeptPlanRow): Promise<KeptPlan> {
  const items = await q.all<{ item: string; done_at: string | null; reference: string | null }>(
    'SELECT item, done_at, reference FROM kept_plan_items WHERE plan_id = $1',
    [row.id],
  )
  return {
    id: row.id,
    outcome: row.outcome as OutcomeId,
    answers: JSON.parse(row.answers) as Answers,
    language: row.language === 'cy' ? 'cy' : 'en',
    email: row.email,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    items: Object.fromEntries(items.map((i) => [i.item, { doneAt: i.done_at, reference: i.reference }])),
  }
}

export interface KeepRequest {
  outcome: OutcomeId
  answers: Answers
  language: Locale
  email: string
  /**
   * Who asked, for the audit trail's 'plan-kept' line (a citizen, or the adviser helping them).
   * Left out by a caller that writes its own line (the staff hand-over writes 'handover-plan').
   */
  actor?: Actor
}

/** The plan just kept, for work done in the same transaction (deadline reminders): its id, emailed link and expiry. */
export interface JustKept {
  id: string
  link: string
  expiresAt: string
}

/**
 * Keeps a plan and emails its link, in one transaction with the audit line (no address, no
 * reference): the email is never sent for a plan that was not stored, nor a plan stored whose
 * email is lost (the outbox, app/notify).
 * `onKept` runs inside the same transaction (the deadline reminders the citizen asked for).
 */
export async function keepPlan(
  db: Db,
  request: KeepRequest,
  now: Date,
  options: { days: number; serviceUrl: string; onKept?: (tx: Queryable, kept: JustKept) => Promise<unknown> },
): Promise<{ id: string; expiresAt: string }> {
  const id = randomUUID()
  const token = newLinkToken()
  const createdAt = now.toISOString()
  const expiresAt = new Date(now.getTime() + options.days * DAY_MS).toISOString()
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO kept_plans (id, token_hash, outcome, answers, language, email, created_at, expires_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)`,
      [
        id,
        hashLinkToken(token),
        request.outcome,
        JSON.stringify(request.answers),
        request.language,
        request.email,
        createdAt,
        expiresAt,
      ],
    )
    if (request.actor) await recordAudit(tx, { at: createdAt, ...request.actor, action: 'plan-kept' })
    const link = `${options.serviceUrl}${keptPlanPath(token)}?lang=${request.language}`
    await enqueue(
      tx,
      {
        template: 'plan-kept',
        recipient: request.email,
        personalisation: {
          link,
          outcome: request.outcome,
          // What the citizen reads in the email: the outcome's title and the last day as a date in
          // their language (a Notify template cannot translate an id or reformat an ISO date).
          title: translator(request.language)(keys.outcome(request.outcome).title),
          expires: expiresAt.slice(0, 10),
          expiresOn: formatDate(expiresAt, request.language),
          locale: request.language,
        },
      },
      createdAt,
    )
    await options.onKept?.(tx, { id, link, expiresAt })
  })
  return { id, expiresAt }
}

/**
 * The plan a link opens, or undefined when the link is malformed, unknown, stopped or
 * expired: callers answer all of these the same, so a link's state cannot be probed. The
 * lookup is by hash (an attacker cannot steer it), and the stored hash is compared again
 * in constant time before it counts.
 */
export async function findLiveKeptPlan(q: Queryable, token: string, now: Date): Promise<KeptPlan | undefined> {
  if (!LINK_TOKEN_SHAPE.test(token)) return undefined
  const hash = hashLinkToken(token)
  const row = await q.get<KeptPlanRow>(
    'SELECT * FROM kept_plans WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2',
    [hash, now.toISOString()],
  )
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return undefined
  return withItems(q, row)
}

/** A kept plan by its internal id, in any state: for the browser that kept it (its session holds the id). */
export async function keptPlanById(q: Queryable, id: string): Promise<KeptPlan | undefined> {
  const row = await q.get<KeptPlanRow>('SELECT * FROM kept_plans WHERE id = $1', [id])
  return row ? withItems(q, row) : undefined
}

/**
 * "Stop using this link": the link opens nothing from now on, and the address and the marks
 * are forgotten at once (the purge takes the rest of the row on its next round).
 */
export async function revokeKeptPlan(db: Db, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { changes } = await tx.run(
      "UPDATE kept_plans SET revoked_at = $2, email = '' WHERE id = $1 AND revoked_at IS NULL",
      [id, now.toISOString()],
    )
    await tx.run('DELETE FROM kept_plan_items WHERE plan_id = $1', [id])
    // No reminder outlives its link: the ones still waiting go, with the address they carry.
    await cancelReminders(tx, id)
    return changes === 1
  })
}

/**
 * Marks a task done, or not done again. A task applied for inside the portal keeps its
 * reference. Done also takes back the task's deadline reminders still waiting, in the same
 * transaction.
 */
export async function setTaskDone(db: Db, id: string, task: PlanTask, done: boolean, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO kept_plan_items (plan_id, item, done_at, reference) VALUES ($1, $2, $3, NULL)
       ON CONFLICT (plan_id, item) DO UPDATE SET done_at = $3`,
      [id, task.id, done ? now.toISOString() : null],
    )
    if (done) await cancelTaskReminders(tx, id, task.services)
  })
}

/**
 * An application sent inside the portal, from a browser holding these kept plans (it kept
 * them, or pressed "Apply" on one): on each live one, the thing to do that the application
 * completes is marked done, with its reference. Returns how many were marked.
 */
export async function recordAppliedReference(
  db: Db,
  planIds: readonly string[],
  application: string,
  reference: string,
  now: Date,
): Promise<number> {
  let marked = 0
  for (const id of planIds) {
    const plan = await keptPlanById(db, id)
    if (!plan || plan.revokedAt || plan.expiresAt <= now.toISOString()) continue
    const outcome = CATALOGUE.outcomes.find((o) => o.id === plan.outcome)
    if (!outcome) continue
    const tasks = planTasks(planFor(outcome, CATALOGUE.services, plan.answers, now))
    for (const task of tasks.filter((t) => t.applications.includes(application))) {
      await db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO kept_plan_items (plan_id, item, done_at, reference) VALUES ($1, $2, $3, $4)
           ON CONFLICT (plan_id, item) DO UPDATE SET done_at = $3, reference = $4`,
          [id, task.id, now.toISOString(), reference],
        )
        await cancelTaskReminders(tx, id, task.services)
      })
      marked += 1
    }
  }
  return marked
}

/** The kept plans among these ids that still exist (not yet purged): what "Delete my answers" would delete. */
export async function keptPlansHeld(q: Queryable, ids: readonly string[]): Promise<KeptPlan[]> {
  const found: KeptPlan[] = []
  for (const id of ids) {
    const plan = await keptPlanById(q, id)
    if (plan) found.push(plan)
  }
  return found
}

/** "Delete my answers": the kept plans this browser made, their links and marks. Returns the outcomes deleted. */
export async function forgetKeptPlans(db: Db, ids: readonly string[]): Promise<OutcomeId[]> {
  const outcomes: OutcomeId[] = []
  for (const id of ids) {
    const deleted = await db.transaction(async (tx) => {
      const row = await tx.get<{ outcome: string }>('SELECT outcome FROM kept_plans WHERE id = $1', [id])
      await tx.run('DELETE FROM kept_plan_items WHERE plan_id = $1', [id])
      await cancelReminders(tx, id)
      await tx.run('DELETE FROM kept_plans WHERE id = $1', [id])
      return row?.outcome as OutcomeId | undefined
    })
    if (deleted) outcomes.push(deleted)
  }
  return outcomes
}

/** The retention purge: a plan goes when its link expires, or once it has been stopped. */
export async function purgeExpiredKeptPlans(q: Queryable, now: Date): Promise<number> {
  const dead = 'expires_at <= $1 OR revoked_at IS NOT NULL'
  await cancelRemindersOfDeadPlans(q, dead, now)
  await q.run(`DELETE FROM kept_plan_items WHERE plan_id IN (SELECT id FROM kept_plans WHERE ${dead})`, [
    now.toISOString(),
  ])
  const { changes } = await q.run(`DELETE FROM kept_plans WHERE ${dead}`, [now.toISOString()])
  return changes
}

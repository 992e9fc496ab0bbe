import type { Response } from 'express'
import { z } from 'zod'
import { CATALOGUE } from '../../catalogue'
import type { Answers, Outcome } from '../../catalogue/types'
import { readInput } from '../../request-input'
import type { Queryable } from '../../store/db'
import { planFor } from '../plan'
import { scheduleReminders, type ReminderToSend } from '../service/reminders'
import type { JustKept } from '../service/kept-plans'
import { reminderEmails } from './reminder-emails'

const DAY_MS = 86_400_000
/** The checkbox on "Email me this plan": off unless ticked, so anything else reads as no. */
const optInForm = z.object({ reminders: z.literal('yes').optional().catch(undefined) })

/** Whether the citizen ticked "Email me a reminder before a deadline". */
export const remindersWanted = (body: unknown): boolean => readInput(optInForm, body).reminders === 'yes'

/**
 * The reminders a plan kept now would get (for a link lasting `days`), worded in the page's
 * language, which is the language the plan is kept in. The form offers the checkbox only
 * when there is at least one: a box that could send nothing would be a broken promise.
 */
export function reminderOffer(
  outcome: Outcome,
  answers: Answers,
  res: Response,
  now: Date,
  days: number,
): ReminderToSend[] {
  const plan = planFor(outcome, CATALOGUE.services, answers, now)
  const until = new Date(now.getTime() + days * DAY_MS)
  return reminderEmails(outcome, plan, answers, res.locals.t, res.locals.locale, now, until)
}

/** Schedules the offered reminders in the transaction that keeps the plan (keepPlan's `onKept`). */
export function scheduleOnKeep(
  offer: readonly ReminderToSend[],
  email: string,
  res: Response,
  now: Date,
  serviceUrl: string,
): (tx: Queryable, kept: JustKept) => Promise<number> {
  return (tx, kept) =>
    scheduleReminders(
      tx,
      {
        planId: kept.id,
        email,
        language: res.locals.locale,
        planLink: kept.link,
        // Never one after the link expires: the address is deleted then.
        reminders: offer.filter((r) => r.at < new Date(kept.expiresAt)),
      },
      now,
      serviceUrl,
    )
}

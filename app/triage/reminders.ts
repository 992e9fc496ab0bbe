import type { DatedDeadline } from './deadlines'
import type { Plan, PlannedService } from './plan'

/**
 * When a deadline reminder is sent: at 09:00 UTC (9 or 10 in the morning in the UK) two days
 * before the last day, so there is a working day or a weekend day left to act, and the email
 * arrives in the morning, not at midnight.
 *
 * A reminder whose time has already come when the citizen asks is not sent at all, rather than
 * straight away: they are reading the date on their plan (or in the email that brings it) at
 * that moment, so an email saying the same thing seconds later would be noise. Nor is one sent
 * after the kept plan expires: the email address is deleted then, as the privacy notice says.
 */
export const REMIND_DAYS_BEFORE = 2
const REMIND_HOUR_UTC = 9
const MS_PER_DAY = 24 * 60 * 60 * 1000

/** The moment to send the reminder for a deadline whose last day is `by` (ISO date). */
export function reminderAt(by: string): Date {
  const [year, month, day] = by.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day, REMIND_HOUR_UTC) - REMIND_DAYS_BEFORE * MS_PER_DAY)
}

export interface DueReminder {
  planned: PlannedService
  /** ISO date of the last day reminded of: the deadline's, or a late claim's once that has passed. */
  by: string
  at: Date
}

/**
 * The last day still ahead for a dated deadline: the deadline itself until it passes, then the
 * last day of a late claim where one is allowed (Bereavement Support Payment: 3 months for all
 * of it, 21 months for some), so a citizen already past the first day is reminded of the day
 * that still matters. Undefined once both have gone.
 */
function nextLastDay(by: DatedDeadline): string | undefined {
  if (!by.passed) return by.by
  return by.late && !by.late.passed ? by.late.until : undefined
}

/**
 * The reminders worth scheduling for a plan: one per service with a dated deadline whose
 * next last day's sending time is after `now` and before `until` (the kept plan's expiry),
 * leaving out the services the citizen has marked done. One per service, not one per last
 * day: the email says what the plan page says on the day the plan is kept, which names the
 * late claim's day only once the first has passed.
 */
export function remindersFor(plan: Plan, now: Date, until: Date, done: ReadonlySet<string> = new Set()): DueReminder[] {
  const services = plan.steps.flatMap((s) => s.items).flatMap((i) => (i.kind === 'service' ? [i] : i.options))
  const due: DueReminder[] = []
  for (const planned of services) {
    const by = planned.deadlineBy && nextLastDay(planned.deadlineBy)
    if (!by || done.has(planned.service.id)) continue
    const at = reminderAt(by)
    if (at > now && at < until) due.push({ planned, by, at })
  }
  return due
}

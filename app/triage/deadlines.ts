import { isoDay } from '../rules/dates'
import type { Variant } from '../catalogue/types'

export type Deadline = NonNullable<Variant['deadline']>

/** A time limit since a date, as a deadline states one: 5 days, 56 weeks, 6 months. */
export type TimeLimit = Pick<Deadline, 'within' | 'unit'>

/** A deadline worked out as a day: the last day to act, and whether that day is already behind us. */
export interface DatedDeadline {
  /** ISO date (YYYY-MM-DD) of the last day. */
  by: string
  passed: boolean
  /** Where a late claim is allowed (`lateUntil`), its last day, and whether that has gone too. */
  late?: { until: string; passed: boolean }
}

const MS_PER_DAY = 24 * 60 * 60 * 1000

/**
 * The last day of a time limit that runs from an event on `event` (ISO), in calendar arithmetic
 * on UTC dates only, so no time zone or clock change can move a day.
 *
 * How we count, as the official pages state the limits ("within 5 days of the date of death",
 * "within 8 days from the date of death", "within 3 months of … death"): the day of the event is
 * day 0 and every calendar day counts, weekends and bank holidays too. So a death on 2 December
 * with 5 days gives 7 December. A limit in months ends on the same day of the month that many
 * months on; where that month is shorter, on its last day (31 August + 3 months = 30 November).
 * Weeks are 7 days.
 */
export function lastDay(event: string, deadline: TimeLimit): string {
  const [year, month, day] = event.split('-').map(Number) as [number, number, number]
  if (deadline.unit === 'months') {
    const target = month - 1 + deadline.within
    const lastOfMonth = new Date(Date.UTC(year, target + 1, 0)).getUTCDate()
    return isoDay(new Date(Date.UTC(year, target, Math.min(day, lastOfMonth))))
  }
  const days = deadline.unit === 'weeks' ? deadline.within * 7 : deadline.within
  return isoDay(new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY))
}

/**
 * The deadline as a day, where an official source says it counts from an event the answers
 * date; otherwise undefined (the plan then gives the limit in words). Passed means the last
 * day is before today: on the day itself there is still time. A late claim's last day is
 * counted the same way.
 */
export function datedDeadline(
  deadline: Deadline | undefined,
  events: ReadonlyMap<string, string>,
  today: Date,
): DatedDeadline | undefined {
  if (!deadline?.source) return undefined
  const event = events.get(deadline.after)
  if (!event) return undefined
  const now = isoDay(today)
  const by = lastDay(event, deadline)
  if (deadline.lateUntil === undefined) return { by, passed: by < now }
  const until = lastDay(event, { within: deadline.lateUntil, unit: deadline.unit })
  return { by, passed: by < now, late: { until, passed: until < now } }
}

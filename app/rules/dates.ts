import { z } from 'zod'

/**
 * The one date parser, for every GOV.UK date input (day, month, year) the portal reads:
 * triage's date of birth, the applications' date fields, staff's resume by date of birth.
 * Each caller chooses its limits and its wording; the rules of a real date are here once.
 */

export type DatePart = 'day' | 'month' | 'year'
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year']

/** The three inputs as typed (already trimmed by the caller's own sanitising). */
export type DateParts = Readonly<Record<DatePart, string>>

export interface DateLimits {
  /** Must be before today (a date of birth that is not today). */
  past?: boolean
  /** Must not be after today (today itself is allowed). */
  notFuture?: boolean
  /** Whole years, on today, the person born on the date must have reached. */
  minAge?: number
  /** Whole years, on today, the person born on the date must not have passed. */
  maxAge?: number
}

/** Why a date was refused; `missing-…` names the parts left empty, in order. */
export type DateCode = `missing-${string}` | 'real' | 'past' | 'future' | 'minAge' | 'maxAge'

export type DateOutcome =
  { value: string } | { empty: true } | { code: DateCode; part: DatePart; vars?: Readonly<Record<string, number>> }

/** The earliest year accepted: nobody the portal serves was born before it. */
const EARLIEST_YEAR = 1900

const part = z.string().regex(/^\d{1,4}$/)

/**
 * The GOV.UK date input rules, in the Design System's order: a missing part is named ("must
 * include a month"), then the date must be real, then the caller's limits apply. `today` is
 * the ISO date of the injected clock.
 */
export function parseDateParts(parts: DateParts, today: string, limits: DateLimits = {}): DateOutcome {
  const missing = DATE_PARTS.filter((p) => parts[p] === '')
  if (missing.length === 3) return { empty: true }
  if (missing.length > 0) return { code: `missing-${missing.join('-')}`, part: missing[0] as DatePart }
  for (const p of DATE_PARTS) if (!part.safeParse(parts[p]).success) return { code: 'real', part: p }
  const [day, month, year] = DATE_PARTS.map((p) => Number(parts[p])) as [number, number, number]
  if (parts.year.length !== 4) return { code: 'real', part: 'year' }
  if (month < 1 || month > 12) return { code: 'real', part: 'month' }
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (day < 1 || probe.getUTCDate() !== day) return { code: 'real', part: 'day' }
  if (year < EARLIEST_YEAR) return { code: 'real', part: 'year' }
  const iso = `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  if (limits.past && iso >= today) return { code: 'past', part: 'day' }
  if (limits.notFuture && iso > today) return { code: 'future', part: 'day' }
  const age = ageOn(iso, today)
  if (limits.minAge !== undefined && age < limits.minAge)
    return { code: 'minAge', part: 'day', vars: { min: limits.minAge } }
  if (limits.maxAge !== undefined && age > limits.maxAge)
    return { code: 'maxAge', part: 'day', vars: { max: limits.maxAge } }
  return { value: iso }
}

/** Whole years between an ISO date of birth and an ISO `today`, as birthdays count them. */
export function ageOn(isoBirth: string, today: string): number {
  const [by, bm, bd] = isoBirth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}

/** The ISO date (UTC) of an instant from the clock: what `today` is above. */
export const isoDay = (instant: Date): string => instant.toISOString().slice(0, 10)

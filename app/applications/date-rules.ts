import type { Field } from './definition'
import { sanitiseLine } from './sanitise'

export type DatePart = 'day' | 'month' | 'year'
export type DateOutcome =
  { value: string } | { code: string; part: DatePart; vars?: Record<string, number> } | { empty: true }

/** Whole years between an ISO date and today (both local calendar dates). */
export function ageOn(isoBirth: string, today: string): number {
  const [by, bm, bd] = isoBirth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0)
}

/**
 * The GOV.UK date input rules: a missing part is named ("must include a month"), then the
 * date must be real, then the field's own limits (in the past, an age range) apply.
 * `today` is an ISO date from the clock, so tests can pin it.
 */
export function parseDate(field: Field, body: Record<string, unknown>, today: string): DateOutcome {
  const raw = {
    day: sanitiseLine(body[`${field.id}-day`]),
    month: sanitiseLine(body[`${field.id}-month`]),
    year: sanitiseLine(body[`${field.id}-year`]),
  }
  const parts: DatePart[] = ['day', 'month', 'year']
  const missing = parts.filter((p) => raw[p] === '')
  if (missing.length === 3) return { empty: true }
  if (missing.length > 0) return { code: `missing-${missing.join('-')}`, part: missing[0] as DatePart }
  for (const p of parts) {
    if (!/^\d{1,4}$/.test(raw[p])) return { code: 'real', part: p }
  }
  const day = Number(raw.day)
  const month = Number(raw.month)
  const year = Number(raw.year)
  if (raw.year.length !== 4) return { code: 'real', part: 'year' }
  if (month < 1 || month > 12) return { code: 'real', part: 'month' }
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (day < 1 || probe.getUTCDate() !== day || year < 1900)
    return { code: 'real', part: day < 1 || probe.getUTCDate() !== day ? 'day' : 'year' }
  const iso = `${raw.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const rules = field.date ?? {}
  if (rules.past && iso >= today) return { code: 'past', part: 'day' }
  const age = ageOn(iso, today)
  if (rules.minAge !== undefined && age < rules.minAge)
    return { code: 'minAge', part: 'day', vars: { min: rules.minAge } }
  if (rules.maxAge !== undefined && age > rules.maxAge)
    return { code: 'maxAge', part: 'day', vars: { max: rules.maxAge } }
  return { value: iso }
}

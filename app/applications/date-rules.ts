import { parseDateParts, type DateOutcome } from '../rules/dates'
import type { Field } from './definition'
import { sanitiseLine } from './sanitise'

/**
 * A date field of an application read from a form body (`<id>-day`, `-month`, `-year`),
 * with the field's own limits (in the past, an age range), through the one date parser.
 * `today` is an ISO date from the clock, so tests can pin it.
 */
export function parseDate(field: Field, body: Record<string, unknown>, today: string): DateOutcome {
  const parts = {
    day: sanitiseLine(body[`${field.id}-day`]),
    month: sanitiseLine(body[`${field.id}-month`]),
    year: sanitiseLine(body[`${field.id}-year`]),
  }
  return parseDateParts(parts, today, field.date ?? {})
}

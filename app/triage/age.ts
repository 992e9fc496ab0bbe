import type { AgeBand, DateQuestion, Question } from '../catalogue/types'
import { ageOn, isoDay } from '../rules/dates'

/** The first band the age on `day` (ISO) is under; the last band (no limit) catches everyone older. */
function bandOn(bands: readonly AgeBand[], dateOfBirth: string, day: string): AgeBand | undefined {
  const age = ageOn(dateOfBirth, day)
  return bands.find((band) => band.underYears === undefined || age < band.underYears)
}

/**
 * The bands a date of birth falls in: its band today and, where the question is also banded
 * at an event (`alsoAt`), its band on the day the answers give that event. An event the answers
 * do not date is taken as today, so the second banding never says less than the first.
 */
export function bandsOf(
  question: DateQuestion,
  dateOfBirth: string,
  today: Date,
  events: ReadonlyMap<string, string>,
): AgeBand[] {
  const now = bandOn(question.bands, dateOfBirth, isoDay(today))
  if (!question.alsoAt) return now ? [now] : []
  const then = bandOn(question.alsoAt.bands, dateOfBirth, events.get(question.alsoAt.event) ?? isoDay(today))
  return [now, then].filter((band) => band !== undefined)
}

/** A date of birth that falls in a band on `today`. */
function sampleDateFor(bands: readonly AgeBand[], value: string, today: Date): string {
  const index = bands.findIndex((band) => band.value === value)
  const band = bands[index]
  if (!band) throw new Error(`No age band ${value}`)
  const below = band.underYears ?? (bands[index - 1]?.underYears ?? 0) + 10
  return bornBelow(below, today)
}

/** Born a little after this date `below` years ago: aged below - 1 on `day`. */
function bornBelow(below: number, day: Date): string {
  const born = new Date(Date.UTC(day.getUTCFullYear() - below, day.getUTCMonth(), day.getUTCDate() + 7))
  return born.toISOString().slice(0, 10)
}

/**
 * One date of birth per band a citizen can be in, for tests and enumeration. With `alsoAt`,
 * one per pair of bands (today, at the event) that some date of birth gives: a person 65 when
 * their partner died years ago is 67 now, and both answers must be tried. Ages at every whole
 * year before either day reach every pair, since the bands are whole years. Every date is
 * before the event's: a date of birth on or after it is refused.
 */
export function sampleDates(question: DateQuestion, today: Date, events: ReadonlyMap<string, string>): string[] {
  if (!question.alsoAt) return question.bands.map((band) => sampleDateFor(question.bands, band.value, today))
  const event = events.get(question.alsoAt.event)
  const eventDay = event ? new Date(`${event}T00:00:00Z`) : today
  const widest = Math.max(...[...question.bands, ...question.alsoAt.bands].map((b) => b.underYears ?? 0)) + 10
  const seen = new Map<string, string>()
  for (let years = 1; years <= widest + (today.getUTCFullYear() - eventDay.getUTCFullYear()); years++) {
    for (const born of [bornBelow(years, today), bornBelow(years, eventDay)]) {
      if (!bornBeforeItsEvent(question, born, events)) continue
      const pair = bandsOf(question, born, today, events)
        .map((band) => band.value)
        .join(' ')
      if (!seen.has(pair)) seen.set(pair, born)
    }
  }
  return [...seen.values()]
}

/**
 * A date of birth banded at an event must be before it: nobody is born on or after the day their
 * partner died. The answer page refuses one (app/triage/answer-schema.ts), the walk asks again
 * for a stored one the event has since overtaken, and enumeration never tries one. True where
 * the question has no event or the answers do not date it.
 */
export function bornBeforeItsEvent(
  question: DateQuestion,
  dateOfBirth: string,
  events: ReadonlyMap<string, string>,
): boolean {
  const event = question.alsoAt && events.get(question.alsoAt.event)
  return !event || dateOfBirth < event
}

/**
 * What an answer to a question can choose, each able to set facts: its options, or for a date
 * every band it can fall in, today's and the event's.
 */
export function choicesOf(question: Question): readonly Pick<AgeBand, 'value' | 'sets' | 'unsure'>[] {
  if (question.kind !== 'date') return question.options
  return question.alsoAt ? [...question.bands, ...question.alsoAt.bands] : question.bands
}

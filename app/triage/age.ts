import type { DateBand, DateQuestion, Question } from '../catalogue/types'
import { ageOn, isoDay } from '../rules/dates'
import { lastDay, type TimeLimit } from './deadlines'
import { reachedStatePensionAge, YOUNGEST_PENSION_AGE } from './pension-age'

/** A band's limit is a deadline's, in the two units a band can state (the schema has no days). */
type BandLimit = TimeLimit & { unit: 'months' | 'weeks' }

const NO_TIME: BandLimit = { within: 0, unit: 'months' }

/** A band's time limit since its date (`withinMonths` or `withinWeeks`), if it has one. */
function timeLimit(band: DateBand | undefined): BandLimit | undefined {
  if (band?.withinMonths !== undefined) return { within: band.withinMonths, unit: 'months' }
  if (band?.withinWeeks !== undefined) return { within: band.withinWeeks, unit: 'weeks' }
  return undefined
}

/**
 * The whole-year age a band's limit stands for when dates of birth are sampled: its years, or
 * for State Pension age 66, by which everyone born before April 1960 had reached it
 * (app/triage/pension-age.ts).
 */
const ageLimit = (band: DateBand | undefined): number =>
  band?.underYears ?? (band?.underPensionAge ? YOUNGEST_PENSION_AGE : 0)

/** Whether a date is in a band on `day` (ISO): a band with no limit takes every date. */
function inBand(band: DateBand, date: string, day: string): boolean {
  if (band.underYears !== undefined) return ageOn(date, day) < band.underYears
  if (band.underPensionAge) return !reachedStatePensionAge(date, day)
  const limit = timeLimit(band)
  if (limit) return day <= lastDay(date, limit)
  return true
}

/** The first band the date is in on `day` (ISO); the last band (no limit) catches every other date. */
function bandOn(bands: readonly DateBand[], date: string, day: string): DateBand | undefined {
  return bands.find((band) => inBand(band, date, day))
}

/**
 * The bands a date falls in: its band today and, where the question (a date of birth) is also
 * banded at an event (`alsoAt`), its band on the day the answers give that event. An event the
 * answers do not date is taken as today, so the second banding never says less than the first.
 */
export function bandsOf(
  question: DateQuestion,
  date: string,
  today: Date,
  events: ReadonlyMap<string, string>,
): DateBand[] {
  const now = bandOn(question.bands, date, isoDay(today))
  if (!question.alsoAt) return now ? [now] : []
  const then = bandOn(question.alsoAt.bands, date, events.get(question.alsoAt.event) ?? isoDay(today))
  return [now, then].filter((band) => band !== undefined)
}

/** A date that falls in a band on `today`: inside its limit, or well past the band before's. */
function sampleDateFor(bands: readonly DateBand[], value: string, today: Date): string {
  const index = bands.findIndex((band) => band.value === value)
  const band = bands[index]
  if (!band) throw new Error(`No date band ${value}`)
  const limit = timeLimit(band)
  if (limit) return weekAfter(today, 0, limit)
  if (band.underYears !== undefined || band.underPensionAge) return bornBelow(ageLimit(band), today)
  const before = timeLimit(bands[index - 1])
  if (before) return weekAfter(today, 0, { ...before, within: before.within + 10 })
  return bornBelow(ageLimit(bands[index - 1]) + 10, today)
}

/**
 * The bands of a date question (banded today only) that hold no date: a band whose limit is no
 * longer than an earlier band's, since the first band a date is in is chosen. A catalogue error
 * at start-up, rather than a band enumeration never tries.
 */
export function bandsHoldingNoDate(question: DateQuestion, today: Date): string[] {
  if (question.alsoAt) return []
  return question.bands
    .filter((band) => bandOn(question.bands, sampleDateFor(question.bands, band.value, today), isoDay(today)) !== band)
    .map((band) => band.value)
}

/** A week after the day `years` and a band's limit before `day`: inside a limit that long, just. */
function weekAfter(day: Date, years: number, limit: BandLimit = NO_TIME): string {
  const months = limit.unit === 'months' ? limit.within : 0
  const days = limit.unit === 'weeks' ? limit.within * 7 : 0
  const date = new Date(Date.UTC(day.getUTCFullYear() - years, day.getUTCMonth() - months, day.getUTCDate() - days + 7))
  return date.toISOString().slice(0, 10)
}

/** Born a little after this date `below` years ago: aged below - 1 on `day`. */
const bornBelow = (below: number, day: Date): string => weekAfter(day, below)

/**
 * One date of birth per band a citizen can be in, for tests and enumeration. With `alsoAt`,
 * one per pair of bands (today, at the event) that some date of birth gives: a person 65 when
 * their partner died years ago is 67 now, and both answers must be tried. Ages at every whole
 * year before either day reach every pair an event some months back gives, since an age band
 * changes at a whole year and a State Pension age band once in a life; with an event only days
 * before `today`, a pair that needs State Pension age reached in those days (born 31 July 1960,
 * a death on 27 November 2026, the plan on the 30th) can fall between two samples. Every date
 * is before the event's: a date of birth on or after it is refused.
 */
export function sampleDates(question: DateQuestion, today: Date, events: ReadonlyMap<string, string>): string[] {
  if (!question.alsoAt) return question.bands.map((band) => sampleDateFor(question.bands, band.value, today))
  const event = events.get(question.alsoAt.event)
  const eventDay = event ? new Date(`${event}T00:00:00Z`) : today
  const widest = Math.max(...[...question.bands, ...question.alsoAt.bands].map(ageLimit)) + 10
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
export function choicesOf(question: Question): readonly Pick<DateBand, 'value' | 'sets' | 'unsure'>[] {
  if (question.kind !== 'date') return question.options
  return question.alsoAt ? [...question.bands, ...question.alsoAt.bands] : question.bands
}

import { bandsOf, sampleDates } from '../../../app/triage/age'
import type { DateQuestion } from '../../../app/catalogue/types'

/** A date of birth banded today and again on the date of an earlier event, as bereavement's is. */
const question: DateQuestion = {
  id: 'date-of-birth',
  kind: 'date',
  bands: [{ value: 'under-66', underYears: 66 }, { value: 'age-66', underYears: 67 }, { value: '67-or-over' }],
  alsoAt: {
    event: 'death',
    bands: [{ value: 'then-under-66', underYears: 66 }, { value: 'then-66', underYears: 67 }, { value: 'then-67' }],
  },
}
const today = new Date('2026-01-15T00:00:00Z')
const pairs = (events: ReadonlyMap<string, string>) =>
  sampleDates(question, today, events).map((born) =>
    bandsOf(question, born, today, events)
      .map((b) => b.value)
      .join(' '),
  )

describe('dates of birth tried for a date banded at an event', () => {
  it('give every pair of ages a person can have now and at an event 10 years ago, youngest first', () => {
    // Ages only grow: under 66 then can be any age now; 66 then is 67 or more now; so is 67 then.
    expect(pairs(new Map([['death', '2016-01-22']]))).toEqual([
      'under-66 then-under-66',
      'age-66 then-under-66',
      '67-or-over then-under-66',
      '67-or-over then-66',
      '67-or-over then-67',
    ])
  })

  it('give one date per band when the event is today or not dated: the two ages are the same', () => {
    const same = ['under-66 then-under-66', 'age-66 then-66', '67-or-over then-67']
    expect(pairs(new Map())).toEqual(same)
    expect(pairs(new Map([['death', '2026-01-15']]))).toEqual(same)
  })

  it('give one date per band for a date of birth banded only today', () => {
    const plain: DateQuestion = { id: 'dob', kind: 'date', bands: question.bands }
    expect(
      sampleDates(plain, today, new Map()).map((born) => bandsOf(plain, born, today, new Map())[0]?.value),
    ).toEqual(['under-66', 'age-66', '67-or-over'])
  })
})

describe('a date banded by the time since it', () => {
  // Bereavement's date of death: the maternity grants are claimed within 6 months of the birth,
  // Parental Bereavement Leave taken within 56 weeks of the death, Bereavement Support Payment
  // claimed within 21 months of it.
  const death: DateQuestion = {
    id: 'date-of-death',
    kind: 'date',
    event: 'death',
    bands: [
      { value: 'within-6-months', withinMonths: 6 },
      { value: 'within-56-weeks', withinWeeks: 56 },
      { value: 'within-21-months', withinMonths: 21 },
      { value: 'earlier' },
    ],
  }
  const bandOf = (date: string, day: string) =>
    bandsOf(death, date, new Date(`${day}T12:00:00Z`), new Map()).map((b) => b.value)

  it('is within 6 months up to and including the day 6 months on, as a deadline counts', () => {
    expect(bandOf('2026-05-30', '2026-11-30')).toEqual(['within-6-months'])
    expect(bandOf('2026-05-29', '2026-11-30')).toEqual(['within-56-weeks'])
    expect(bandOf('2026-11-30', '2026-11-30')).toEqual(['within-6-months'])
  })

  it('ends on the last day of a shorter month: 31 August runs to 28 February', () => {
    expect(bandOf('2026-08-31', '2027-02-28')).toEqual(['within-6-months'])
    expect(bandOf('2026-08-31', '2027-03-01')).toEqual(['within-56-weeks'])
  })

  it('is within 56 weeks up to and including the day 392 days on, as a deadline counts', () => {
    // 3 November 2025 + 392 days = 30 November 2026.
    expect(bandOf('2025-11-03', '2026-11-30')).toEqual(['within-56-weeks'])
    expect(bandOf('2025-11-02', '2026-11-30')).toEqual(['within-21-months'])
  })

  it('is within 21 months up to and including the day of the month 21 months on', () => {
    // 21 months after 28 February 2025 is 28 November 2026; after 1 March, 1 December.
    expect(bandOf('2025-02-28', '2026-11-30')).toEqual(['earlier'])
    expect(bandOf('2025-03-01', '2026-11-30')).toEqual(['within-21-months'])
  })

  it('gives one past date per band to try', () => {
    const dates = sampleDates(death, today, new Map())
    expect(dates.map((d) => bandsOf(death, d, today, new Map())[0]?.value)).toEqual([
      'within-6-months',
      'within-56-weeks',
      'within-21-months',
      'earlier',
    ])
    for (const date of dates) expect(date < '2026-01-15').toBe(true)
  })
})

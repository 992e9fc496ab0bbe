import { ageOn, isoDay, parseDateParts } from '../../../app/rules/dates'

/**
 * The one date parser: every date input (triage, applications, staff's resume) goes through
 * it, each with its own limits. Today is pinned; the cases are the GOV.UK date input rules.
 */
const TODAY = '2026-03-15'
const parts = (day: string, month: string, year: string) => ({ day, month, year })

describe('the date parser', () => {
  it('reads a real date, with or without leading zeros', () => {
    expect(parseDateParts(parts('5', '1', '1990'), TODAY)).toEqual({ value: '1990-01-05' })
    expect(parseDateParts(parts('05', '01', '1990'), TODAY)).toEqual({ value: '1990-01-05' })
    expect(parseDateParts(parts('29', '2', '2024'), TODAY)).toEqual({ value: '2024-02-29' })
  })

  it('names the missing parts, then the part that is not real', () => {
    expect(parseDateParts(parts('', '', ''), TODAY)).toEqual({ empty: true })
    expect(parseDateParts(parts('5', '', '1990'), TODAY)).toEqual({ code: 'missing-month', part: 'month' })
    expect(parseDateParts(parts('', '', '1990'), TODAY)).toEqual({ code: 'missing-day-month', part: 'day' })
    expect(parseDateParts(parts('29', '2', '2023'), TODAY)).toEqual({ code: 'real', part: 'day' })
    expect(parseDateParts(parts('1', '13', '1990'), TODAY)).toEqual({ code: 'real', part: 'month' })
    expect(parseDateParts(parts('1', '1', '90'), TODAY)).toEqual({ code: 'real', part: 'year' })
    expect(parseDateParts(parts('1', '1', '1899'), TODAY)).toEqual({ code: 'real', part: 'year' })
    expect(parseDateParts(parts('a', '1', '1990'), TODAY)).toEqual({ code: 'real', part: 'day' })
  })

  it('applies the caller’s limits: before today, not after today, an age range', () => {
    expect(parseDateParts(parts('15', '3', '2026'), TODAY, { past: true })).toEqual({ code: 'past', part: 'day' })
    expect(parseDateParts(parts('15', '3', '2026'), TODAY, { notFuture: true })).toEqual({ value: '2026-03-15' })
    expect(parseDateParts(parts('16', '3', '2026'), TODAY, { notFuture: true })).toEqual({
      code: 'future',
      part: 'day',
    })
    expect(parseDateParts(parts('16', '3', '2010'), TODAY, { minAge: 16 })).toEqual({
      code: 'minAge',
      part: 'day',
      vars: { min: 16 },
    })
    expect(parseDateParts(parts('15', '3', '2010'), TODAY, { minAge: 16 })).toEqual({ value: '2010-03-15' })
    expect(parseDateParts(parts('14', '3', '2007'), TODAY, { maxAge: 18 })).toEqual({
      code: 'maxAge',
      part: 'day',
      vars: { max: 18 },
    })
  })

  it('counts age in whole years as birthdays do, on the clock’s UTC day', () => {
    expect(ageOn('2000-03-15', TODAY)).toBe(26)
    expect(ageOn('2000-03-16', TODAY)).toBe(25)
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25)
    expect(isoDay(new Date('2026-03-15T23:59:59Z'))).toBe('2026-03-15')
  })
})

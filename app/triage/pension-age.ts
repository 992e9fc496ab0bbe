import { ageOn } from '../rules/dates'

/**
 * State Pension age for births from 6 October 1954 to 5 April 1960, and the age by which every
 * earlier birth had reached it; later births reach it between this and 67.
 */
export const YOUNGEST_PENSION_AGE = 66
const OLDEST_PENSION_AGE = 67

/** The first birth month (6th to the 5th) whose State Pension age is between 66 and 67. */
const RISING_FROM = { year: 1960, month: 4 }
/** 6 April 1960 to 5 March 1961: 66 years and 1 to 11 months. */
const RISING_MONTHS = 11

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * The day someone born on `dateOfBirth` (ISO) reaches State Pension age, for those born from
 * 6 April 1960 to 5 March 1961: 66 years and 1 to 11 months, one more month for each month
 * of birth counted from the 6th, and the month's last day where it has no such day (born
 * 31 July 1960: 30 November 2026). Pensions Act 1995 Schedule 4 para 1, table 3, as the
 * Pensions Act 2014 s 26(3) made it; the Pensions Act (Northern Ireland) 2015 s 26 gives
 * Northern Ireland the same table (legislation.gov.uk, both read 2026-12-05).
 */
function risingPensionDay(dateOfBirth: string): string | undefined {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number]
  // Each cohort runs from the 6th of its month to the 5th of the next.
  const cohort = year * 12 + (month - 1) - (day < 6 ? 1 : 0)
  const months = cohort - (RISING_FROM.year * 12 + RISING_FROM.month - 1) + 1
  if (months < 1 || months > RISING_MONTHS) return undefined
  const reached = year * 12 + (month - 1) + YOUNGEST_PENSION_AGE * 12 + months
  const reachedYear = Math.floor(reached / 12)
  const reachedMonth = (reached % 12) + 1
  const reachedDay = Math.min(day, daysIn(reachedYear, reachedMonth))
  return `${reachedYear}-${String(reachedMonth).padStart(2, '0')}-${String(reachedDay).padStart(2, '0')}`
}

/**
 * Whether someone born on `dateOfBirth` had reached State Pension age on `day` (both ISO),
 * the same in all four nations:
 * - born 6 October 1954 to 5 April 1960: their 66th birthday (Pensions Act 2011);
 * - born 6 April 1960 to 5 March 1961: 66 years and 1 to 11 months (above);
 * - born 6 March 1961 to 5 April 1977: their 67th birthday (Pensions Act 2014 s 26(4)).
 *
 * Earlier births had ages that differed for men and women, which the portal does not ask;
 * all of them had reached it by their 66th birthday, which decides here as it did before the
 * exact table. So before that birthday it can say "not yet" of someone who had reached it,
 * and only for a day before October 2020: a date of death that long ago.
 * Later births reach 67 no earlier than April 2044, long after any day a plan is made for,
 * and their State Pension age is later still.
 */
export function reachedStatePensionAge(dateOfBirth: string, day: string): boolean {
  const rising = risingPensionDay(dateOfBirth)
  if (rising) return day >= rising
  return ageOn(dateOfBirth, day) >= (dateOfBirth < '1960-04-06' ? YOUNGEST_PENSION_AGE : OLDEST_PENSION_AGE)
}

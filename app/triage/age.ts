import type { AgeBand } from '../catalogue/types'

/** Whole years between a date of birth and today, as birthdays count them. */
export function ageOn(dateOfBirth: string, today: Date): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number]
  let age = today.getUTCFullYear() - year
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day)
  if (beforeBirthday) age -= 1
  return age
}

/** The first band the age is under; the last band (no limit) catches everyone older. */
export function ageBandOf(bands: readonly AgeBand[], dateOfBirth: string, today: Date): AgeBand | undefined {
  const age = ageOn(dateOfBirth, today)
  return bands.find((band) => band.underYears === undefined || age < band.underYears)
}

/** A date of birth that falls in a band on `today`: what tests and the journey walker answer. */
export function sampleDateFor(bands: readonly AgeBand[], value: string, today: Date): string {
  const index = bands.findIndex((band) => band.value === value)
  const band = bands[index]
  if (!band) throw new Error(`No age band ${value}`)
  const below = band.underYears ?? (bands[index - 1]?.underYears ?? 0) + 10
  const year = today.getUTCFullYear() - below
  // Born a little after this date a year `below` ago: aged below-1, inside the band.
  const born = new Date(Date.UTC(year, today.getUTCMonth(), today.getUTCDate() + 7))
  return born.toISOString().slice(0, 10)
}

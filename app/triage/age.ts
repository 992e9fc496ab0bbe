import type { AgeBand } from '../catalogue/types'
import { ageOn, isoDay } from '../rules/dates'

/** The first band the age is under; the last band (no limit) catches everyone older. */
export function ageBandOf(bands: readonly AgeBand[], dateOfBirth: string, today: Date): AgeBand | undefined {
  const age = ageOn(dateOfBirth, isoDay(today))
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

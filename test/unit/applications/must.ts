/** The value, or a failed test naming what was missing (instead of a non-null assertion). */
export function must<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`Expected a ${what}`)
  return value
}

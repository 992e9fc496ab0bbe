/** What one field holds once validated. Dates are ISO `YYYY-MM-DD`. */
export interface Address {
  line1: string
  line2?: string
  town: string
  postcode: string
}
export type FieldValue = string | readonly string[] | Address
export type Item = Readonly<Record<string, FieldValue>>
/** Answers keyed by field id; add-another pages keep their items under the page's `field`. */
export type Answers = Readonly<Record<string, FieldValue | readonly Item[]>>

export function isItems(value: unknown): value is readonly Item[] {
  return Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))
}

/** Copy of `answers` without prototype tricks: only own keys, into a null-prototype object. */
export function cleanAnswers(answers: unknown): Record<string, FieldValue | readonly Item[]> {
  const out: Record<string, FieldValue | readonly Item[]> = Object.create(null) as Record<string, never>
  if (!answers || typeof answers !== 'object') return out
  for (const [key, value] of Object.entries(answers)) out[key] = value as FieldValue
  return out
}

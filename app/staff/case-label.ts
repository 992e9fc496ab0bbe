import { z } from 'zod'

/** Long enough for initials or a word, too short for a name and address. */
export const CASE_LABEL_MAX = 20

/** Enough for "Case 2" or "Desk 14"; too few for a phone number, a date of birth or a National Insurance number. */
export const CASE_LABEL_MAX_DIGITS = 3

export type CaseLabelProblem = 'tooLong' | 'characters' | 'numbers'

/**
 * What an adviser types to tell today's cases apart. It is stored and shown on every page of
 * the case, so it is kept to letters, digits, spaces and a few joining marks: no `@` (an
 * email address), no other symbols and at most three digits (no phone number or date of birth). The hint asks for initials or a word and nothing
 * personal; the rules make the obvious mistakes (an address, an email) impossible to save.
 * Empty is allowed: a label is a help, not a requirement.
 */
const labelSchema = z
  .string()
  .max(CASE_LABEL_MAX, { message: 'tooLong' })
  .regex(/^[\p{L}\p{M}\p{N} .'’-]*$/u, { message: 'characters' })
  .refine((text) => (text.match(/\p{N}/gu) ?? []).length <= CASE_LABEL_MAX_DIGITS, { message: 'numbers' })

export function parseCaseLabel(
  raw: unknown,
): { ok: true; label: string } | { ok: false; problem: CaseLabelProblem; echo: string } {
  const text = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : ''
  const result = labelSchema.safeParse(text)
  if (result.success) return { ok: true, label: result.data }
  const first = result.error.issues[0]?.message
  const problem: CaseLabelProblem = first === 'tooLong' || first === 'numbers' ? first : 'characters'
  // Echoed back into the field so nothing typed is lost; capped so the page stays small.
  return { ok: false, problem, echo: text.slice(0, 200) }
}

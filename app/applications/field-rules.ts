import { z } from 'zod'
import type { Field } from './definition'

/**
 * The zod schema for each single-string field kind. Every issue's message is an error
 * code; the copy for it is `apply.errors.<kind>.<code>` (or a field's own override), so
 * the wording follows the GOV.UK Design System per kind and exists in both languages.
 */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-zA-Z]{2,}$/
/** NINO: two prefix letters (not D, F, I, Q, U, V; second not O), six digits, A–D. */
const NINO = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/
const POSTCODE = /^(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/

export const DEFAULT_MAX = { text: 100, textarea: 1200, email: 254, telephone: 20, line: 100 } as const

/** "sw1a1aa" → "SW1A 1AA": the postcode as Royal Mail writes it, or the input unchanged. */
export function normalisePostcode(raw: string): string {
  const compact = raw.replace(/\s+/g, '').toUpperCase()
  return compact.length >= 5 && compact.length <= 7 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : raw
}

export function stringSchema(field: Field): z.ZodType<string> {
  const required = z.string().min(1, 'required')
  switch (field.kind) {
    case 'email':
      return required.max(DEFAULT_MAX.email, 'tooLong').regex(EMAIL, 'format')
    case 'telephone':
      return required
        .max(DEFAULT_MAX.telephone, 'format')
        .regex(/^\+?[\d\s()-]+$/, 'format')
        .refine((v) => {
          const digits = v.replace(/\D/g, '').length
          return digits >= 10 && digits <= 15
        }, 'format')
    case 'nino':
      return z
        .string()
        .transform((v) => v.replace(/[\s-]/g, '').toUpperCase())
        .pipe(z.string().min(1, 'required').regex(NINO, 'format'))
    case 'postcode':
      return z.string().transform(normalisePostcode).pipe(z.string().min(1, 'required').regex(POSTCODE, 'format'))
    case 'radios':
      return z
        .string()
        .min(1, 'required')
        .refine((v) => field.options?.includes(v) ?? false, 'required')
    case 'textarea':
      return required.max(field.maxLength ?? DEFAULT_MAX.textarea, 'tooLong')
    default:
      return required.max(field.maxLength ?? DEFAULT_MAX.text, 'tooLong')
  }
}

/** The maximum length shown in "must be N characters or less". */
export function maxOf(field: Field): number {
  if (field.kind === 'textarea') return field.maxLength ?? DEFAULT_MAX.textarea
  return field.maxLength ?? DEFAULT_MAX.text
}

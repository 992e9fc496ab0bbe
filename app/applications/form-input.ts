import { z } from 'zod'
import type { Field } from './definition'
import { sanitiseLine, sanitiseText } from './sanitise'

/**
 * Reading a form body (the CASA "sanitise" step), as zod schemas: only the inputs a page's
 * fields render are read, each as what the citizen typed, cleaned; every other key of the
 * body is dropped. Reading never fails: what is wrong with an answer is the field rules'
 * business (field-rules.ts), and the page shows the citizen their own input back.
 */

/**
 * One line as typed: a single string, sanitised; anything else (an array, an object) reads as
 * empty, and so does an input missing from the body (hence `optional` before the transform).
 */
export const line = z.unknown().optional().transform(sanitiseLine)
/** Several lines (a textarea): newlines kept, other control characters removed. */
const text = z.unknown().optional().transform(sanitiseText)
/** Checkbox values: one string or several; anything else, and empty values, dropped. */
const choices = z
  .unknown()
  .optional()
  .transform((value) => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string'))
  .transform((list) => list.filter((v) => v !== ''))

export const ADDRESS_PARTS = ['line1', 'line2', 'town', 'postcode'] as const
export const DATE_INPUTS = ['day', 'month', 'year'] as const

/** What a field's inputs read as, by input name (`<id>`, or `<id>-<part>` for addresses and dates). */
export function inputSchemas(field: Field): Record<string, z.ZodType<string | string[], unknown>> {
  switch (field.kind) {
    case 'address':
      return Object.fromEntries(ADDRESS_PARTS.map((p) => [`${field.id}-${p}`, line]))
    case 'date':
      return Object.fromEntries(DATE_INPUTS.map((p) => [`${field.id}-${p}`, line]))
    case 'checkboxes':
      return { [field.id]: choices }
    case 'textarea':
      return { [field.id]: text }
    default:
      return { [field.id]: line }
  }
}

/** The inputs of a page as read from a body: every one of its fields' inputs, nothing else. */
export type PageInput = Readonly<Record<string, string | string[]>>

export function readPage(fields: readonly Field[], body: unknown): PageInput {
  const input: Record<string, unknown> = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  // A null-prototype copy of the own keys: `body.__proto__` or `body.constructor` read as absent.
  const own = Object.create(null) as Record<string, unknown>
  for (const [key, value] of Object.entries(input)) own[key] = value
  const shape = Object.assign({}, ...fields.map(inputSchemas)) as Record<string, z.ZodType<string | string[], unknown>>
  return z.object(shape).parse(own) as PageInput
}

import { z } from 'zod'
import { parseDateParts } from '../rules/dates'
import type { Address, FieldValue } from './answers'
import type { Field } from './definition'
import { ADDRESS_PARTS, DATE_INPUTS } from './form-input'

/**
 * The zod schema for each field kind, over the page's inputs as read (form-input.ts). Every
 * issue's message is an error code and its path the input it is about; the copy for it is
 * `apply.errors.<kind>.<code>` (or a field's own override), so the wording follows the
 * GOV.UK Design System per kind and exists in both languages.
 */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-zA-Z]{2,}$/
/** NINO: two prefix letters (not D, F, I, Q, U, V; second not O), six digits, A–D. */
const NINO = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/
const POSTCODE = /^(GIR 0AA|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/

const DEFAULT_MAX = { text: 100, textarea: 1200, email: 254, telephone: 20, line: 100 } as const

/** "sw1a1aa" → "SW1A 1AA": the postcode as Royal Mail writes it, or the input unchanged. */
export function normalisePostcode(raw: string): string {
  const compact = raw.replace(/\s+/g, '').toUpperCase()
  return compact.length >= 5 && compact.length <= 7 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : raw
}

/** A field holding one string (every kind but address, date and checkboxes). */
function stringSchema(field: Field): z.ZodType<string, string> {
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
      return z.enum((field.options ?? []) as [string, ...string[]], 'required')
    case 'textarea':
      return required.max(field.maxLength ?? DEFAULT_MAX.textarea, 'tooLong')
    default:
      return required.max(field.maxLength ?? DEFAULT_MAX.text, 'tooLong')
  }
}

/** An address: each line checked on its own, so every line in error is named. */
function addressSchema(field: Field): z.ZodType<Address> {
  const [line1, line2, town, postcode] = ADDRESS_PARTS.map((p) => `${field.id}-${p}`) as [
    string,
    string,
    string,
    string,
  ]
  const lineOf = z.string().max(DEFAULT_MAX.line, 'tooLong')
  return z
    .object({
      [line1]: lineOf.min(1, 'line1Required'),
      [line2]: lineOf,
      [town]: lineOf.min(1, 'townRequired'),
      [postcode]: z
        .string()
        .min(1, 'postcodeRequired')
        .transform(normalisePostcode)
        .pipe(z.string().regex(POSTCODE, 'postcodeFormat')),
    })
    .transform((parts) => ({
      line1: parts[line1] as string,
      town: parts[town] as string,
      postcode: parts[postcode] as string,
      ...(parts[line2] ? { line2: parts[line2] } : {}),
    })) as z.ZodType<Address>
}

/** Checkboxes: only offered options are kept (anything else is dropped, not refused), each once. */
export function chosenOptions(field: Field, values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => field.options?.includes(v)))]
}

function checkboxesSchema(field: Field): z.ZodType<string[] | undefined> {
  return z
    .object({ [field.id]: z.array(z.string()) })
    .transform((input) => chosenOptions(field, input[field.id] ?? []))
    .pipe(z.array(z.string()).min(field.optional ? 0 : 1, 'required'))
    .transform((chosen) => (chosen.length > 0 ? chosen : undefined))
}

/** A GOV.UK date input, through the one date parser, with the field's own limits. */
function dateSchema(field: Field, today: string): z.ZodType<string | undefined> {
  const [day, month, year] = DATE_INPUTS.map((p) => `${field.id}-${p}`) as [string, string, string]
  return z.object({ [day]: z.string(), [month]: z.string(), [year]: z.string() }).transform((parts, ctx) => {
    const parsed = parseDateParts(
      { day: parts[day] as string, month: parts[month] as string, year: parts[year] as string },
      today,
      field.date ?? {},
    )
    if ('value' in parsed) return parsed.value
    if ('empty' in parsed) {
      if (field.optional) return undefined
      ctx.addIssue({ code: 'custom', message: 'required', path: [day] })
    } else {
      const { code, part, vars } = parsed
      ctx.addIssue({ code: 'custom', message: code, path: [`${field.id}-${part}`], ...(vars ? { params: vars } : {}) })
    }
    return z.NEVER
  })
}

/** The last schema built for each field, with the day it was built for (a date's limits move daily). */
const built = new WeakMap<Field, { today: string; schema: z.ZodType<FieldValue | undefined> }>()

/**
 * What a field's answer must be, read from the page's inputs: its value, or undefined for an
 * optional field left empty. `today` is the ISO date of the injected clock. Built once per
 * field and day: building a zod schema compiles it, which cost more than checking the answer
 * (issue 21), and a schema holds no state between parses.
 */
export function answerSchema(field: Field, today: string): z.ZodType<FieldValue | undefined> {
  const known = built.get(field)
  if (known?.today === today) return known.schema
  const schema = buildAnswerSchema(field, today)
  built.set(field, { today, schema })
  return schema
}

function buildAnswerSchema(field: Field, today: string): z.ZodType<FieldValue | undefined> {
  if (field.kind === 'address') return addressSchema(field)
  if (field.kind === 'checkboxes') return checkboxesSchema(field)
  if (field.kind === 'date') return dateSchema(field, today)
  const value = stringSchema(field)
  // An optional field left empty has no answer: nothing to check.
  const answer = field.optional
    ? z
        .string()
        .transform((v) => (v === '' ? undefined : v))
        .pipe(value.optional())
    : value
  return z.object({ [field.id]: answer }).transform((input) => input[field.id])
}

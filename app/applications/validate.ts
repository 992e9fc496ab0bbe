import type { z } from 'zod'
import type { Field } from './definition'
import type { FieldValue } from './answers'
import { answerSchema, chosenOptions } from './field-rules'
import { inputSchemas, readPage, type PageInput } from './form-input'

/** One problem with one field; `href` is the id of the input to focus from the summary. */
export interface FieldError {
  field: string
  href: string
  /** Copy lookup: `apply.errors.<kind>.<code>` unless the field overrides it. */
  kind: string
  code: string
  vars?: Readonly<Record<string, number>>
}

/** What the page re-renders with: the citizen's own (sanitised) input, valid or not. */
export type Echo = Record<string, string | string[]>

export interface PageResult {
  values: Record<string, FieldValue>
  errors: FieldError[]
  echo: Echo
}

/** The errors of one field: one per input it names (an address's lines), or only the first. */
function errorsOf(field: Field, error: z.ZodError): FieldError[] {
  const errors: FieldError[] = []
  for (const issue of error.issues) {
    const href = String(issue.path[0] ?? field.id)
    if (errors.some((e) => e.href === href) || (field.kind !== 'address' && errors.length > 0)) continue
    const vars =
      issue.code === 'too_big'
        ? { max: Number(issue.maximum) }
        : issue.code === 'custom' && issue.params
          ? (issue.params as Record<string, number>)
          : undefined
    errors.push({ field: field.id, href, kind: field.kind, code: issue.message, ...(vars ? { vars } : {}) })
  }
  return errors
}

/** What the page shows back: the citizen's own input, except what no option offers. */
function echoOf(field: Field, input: PageInput, value: FieldValue | undefined): Echo {
  const own = Object.keys(inputSchemas(field)).map((name) => [name, input[name] ?? ''] as const)
  const echo: Echo = Object.fromEntries(own)
  // Radios and checkboxes echo only known options, so a hostile value never reaches the page.
  if (field.kind === 'checkboxes')
    echo[field.id] = chosenOptions(field, (input[field.id] as string[] | undefined) ?? [])
  if (field.kind === 'radios' && !field.options?.includes(echo[field.id] as string)) echo[field.id] = ''
  if (field.kind === 'postcode' && typeof value === 'string') echo[field.id] = value
  return echo
}

/**
 * Validates one page's fields against a urlencoded body: the page's own inputs are read
 * (form-input.ts; unknown, extra or `__proto__` keys are dropped), then each field's answer
 * is checked by its zod schema (field-rules.ts).
 */
export function parsePage(fields: readonly Field[], body: unknown, today: string): PageResult {
  const input = readPage(fields, body)
  const result: PageResult = { values: {}, errors: [], echo: {} }
  for (const field of fields) {
    const parsed = answerSchema(field, today).safeParse(input)
    if (!parsed.success) result.errors.push(...errorsOf(field, parsed.error))
    else if (parsed.data !== undefined) result.values[field.id] = parsed.data
    Object.assign(result.echo, echoOf(field, input, parsed.data))
  }
  return result
}

/** Whether a stored value still passes its field's rules (used to trust triage prefill). */
export function isValidValue(field: Field, value: unknown, today: string): boolean {
  if (value === undefined) return false
  if (field.kind === 'checkboxes')
    return Array.isArray(value) && parsePage([field], { [field.id]: value }, today).errors.length === 0
  if (typeof value !== 'string') return false
  if (field.kind === 'date') {
    const [year, month, day] = value.split('-')
    return (
      parsePage([field], { [`${field.id}-day`]: day, [`${field.id}-month`]: month, [`${field.id}-year`]: year }, today)
        .errors.length === 0
    )
  }
  const result = parsePage([field], { [field.id]: value }, today)
  return result.errors.length === 0 && result.values[field.id] === value
}

import type { Field } from './definition'
import type { Address, FieldValue } from './answers'
import { parseDate } from './date-rules'
import { maxOf, stringSchema, normalisePostcode } from './field-rules'
import { sanitiseLine, sanitiseText } from './sanitise'

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

const ADDRESS_PARTS = ['line1', 'line2', 'town', 'postcode'] as const

function parseAddress(field: Field, body: Record<string, unknown>, result: PageResult): void {
  const raw = Object.fromEntries(ADDRESS_PARTS.map((p) => [p, sanitiseLine(body[`${field.id}-${p}`])])) as Record<
    (typeof ADDRESS_PARTS)[number],
    string
  >
  for (const p of ADDRESS_PARTS) result.echo[`${field.id}-${p}`] = raw[p]
  const error = (part: string, code: string, vars?: Record<string, number>) =>
    result.errors.push({
      field: field.id,
      href: `${field.id}-${part}`,
      kind: 'address',
      code,
      ...(vars ? { vars } : {}),
    })
  const before = result.errors.length
  if (!raw.line1) error('line1', 'line1Required')
  else if (raw.line1.length > 100) error('line1', 'tooLong', { max: 100 })
  if (raw.line2.length > 100) error('line2', 'tooLong', { max: 100 })
  if (!raw.town) error('town', 'townRequired')
  else if (raw.town.length > 100) error('town', 'tooLong', { max: 100 })
  const postcode = stringSchema({ ...field, kind: 'postcode' }).safeParse(raw.postcode)
  if (!postcode.success) error('postcode', raw.postcode ? 'postcodeFormat' : 'postcodeRequired')
  if (result.errors.length > before || !postcode.success) return
  const address: Address = {
    line1: raw.line1,
    town: raw.town,
    postcode: postcode.data,
    ...(raw.line2 ? { line2: raw.line2 } : {}),
  }
  result.values[field.id] = address
}

function parseCheckboxes(field: Field, body: Record<string, unknown>, result: PageResult): void {
  const raw = body[field.id]
  const list = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && v !== '')
  // Only known options survive; anything else is dropped rather than echoed back.
  const chosen = [...new Set(list.filter((v) => field.options?.includes(v)))]
  result.echo[field.id] = chosen
  if (chosen.length === 0) {
    if (!field.optional) result.errors.push({ field: field.id, href: field.id, kind: 'checkboxes', code: 'required' })
    return
  }
  result.values[field.id] = chosen
}

function parseString(field: Field, body: Record<string, unknown>, result: PageResult): void {
  const input = field.kind === 'textarea' ? sanitiseText(body[field.id]) : sanitiseLine(body[field.id])
  // Radios echo only a known option, so a hostile value never reaches the page.
  result.echo[field.id] = field.kind === 'radios' && !field.options?.includes(input) ? '' : input
  if (input === '' && field.optional) return
  const parsed = stringSchema(field).safeParse(input)
  if (parsed.success) {
    result.values[field.id] = parsed.data
    if (field.kind === 'postcode') result.echo[field.id] = normalisePostcode(input)
    return
  }
  const code = parsed.error.issues[0]?.message ?? 'required'
  const href = field.kind === 'radios' ? `${field.id}` : field.id
  result.errors.push({
    field: field.id,
    href,
    kind: field.kind,
    code,
    ...(code === 'tooLong' ? { vars: { max: maxOf(field) } } : {}),
  })
}

/**
 * Validates one page's fields against a urlencoded body. Unknown keys are never read
 * (only the fields' own names are looked up), so extra or `__proto__` keys are dropped.
 */
export function parsePage(fields: readonly Field[], body: unknown, today: string): PageResult {
  const input: Record<string, unknown> = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  // A null-prototype copy of the own keys: `body.__proto__` or `body.constructor` read as absent.
  const safe = Object.create(null) as Record<string, unknown>
  for (const [key, value] of Object.entries(input)) safe[key] = value
  const result: PageResult = { values: {}, errors: [], echo: {} }
  for (const field of fields) {
    if (field.kind === 'address') parseAddress(field, safe, result)
    else if (field.kind === 'checkboxes') parseCheckboxes(field, safe, result)
    else if (field.kind === 'date') {
      for (const p of ['day', 'month', 'year']) result.echo[`${field.id}-${p}`] = sanitiseLine(safe[`${field.id}-${p}`])
      const outcome = parseDate(field, safe, today)
      if ('value' in outcome) result.values[field.id] = outcome.value
      else if ('code' in outcome) {
        result.errors.push({
          field: field.id,
          href: `${field.id}-${outcome.part}`,
          kind: 'date',
          code: outcome.code,
          ...(outcome.vars ? { vars: outcome.vars } : {}),
        })
      } else if (!field.optional)
        result.errors.push({ field: field.id, href: `${field.id}-day`, kind: 'date', code: 'required' })
    } else parseString(field, safe, result)
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

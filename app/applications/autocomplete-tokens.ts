import type { Field } from './definition'

/** The parts of an address field, each with the HTML autofill token for that part. */
export const ADDRESS_TOKENS = {
  line1: 'address-line1',
  line2: 'address-line2',
  town: 'address-level2',
  postcode: 'postal-code',
} as const

/** What a token is derived from: a field definition, parsed or as written. */
type TokenSource = Pick<Field, 'id' | 'kind' | 'autocomplete'>

const DATE_PARTS = ['day', 'month', 'year'] as const

/**
 * The form controls a field renders, by name, with the `autocomplete` token each must carry
 * for the citizen (WCAG 1.3.5), derived from the field's own definition: a field without a
 * token is not one of the applicant's own details and has none. A date's token takes a part
 * suffix (`bday` → `bday-day`); an address takes one token per line. The NI number has no
 * autofill token in HTML, so its definition carries none and nothing is expected of it.
 */
export function autocompleteTokens(field: TokenSource): Record<string, string> {
  const token = field.autocomplete
  if (!token) return {}
  switch (field.kind) {
    case 'date':
      return Object.fromEntries(DATE_PARTS.map((p) => [`${field.id}-${p}`, `${token}-${p}`]))
    case 'address':
      return Object.fromEntries(Object.entries(ADDRESS_TOKENS).map(([p, t]) => [`${field.id}-${p}`, t]))
    default:
      return { [field.id]: token }
  }
}

/**
 * The personal fields of a page, for its page states. With `assisted`, a member of staff is
 * at the keyboard for someone else, so every one of the same fields must be `off`: the
 * browser must not offer the adviser's own details or the last citizen's.
 */
export function personalFieldsOf(fields: readonly TokenSource[], assisted = false): Record<string, string> {
  const tokens: Record<string, string> = Object.assign({}, ...fields.map(autocompleteTokens))
  return assisted ? Object.fromEntries(Object.keys(tokens).map((name) => [name, 'off'])) : tokens
}

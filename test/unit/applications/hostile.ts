import fc from 'fast-check'
import type { Field } from '../../../app/applications/definition'

/** Strings a hostile or unlucky client might send: huge, control characters, markup, any Unicode. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b',
      '\u202e',
      '\ud800',
      '\n',
      '\r',
      '\t',
      ' ',
      'a',
      '<',
      '>',
      '"',
      "'",
      '&',
    ),
    maxLength: 300,
  }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '{{ 7*7 }}',
    '${7*7}',
    '__proto__',
    'constructor',
    "'; DROP TABLE submissions; --",
  ),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer().map(String),
)

export const hostileValue = fc.oneof(hostileString, fc.array(hostileString, { maxLength: 4 }))

/** Every form name a field reads (dates and addresses have several). */
export function namesOf(field: Field): string[] {
  if (field.kind === 'date') return ['day', 'month', 'year'].map((p) => `${field.id}-${p}`)
  if (field.kind === 'address') return ['line1', 'line2', 'town', 'postcode'].map((p) => `${field.id}-${p}`)
  return [field.id]
}

/** A body that mixes the real names, prototype keys and junk, each with a hostile value (or a valid-looking one). */
export function hostileBody(fields: readonly Field[]) {
  const names = [...fields.flatMap(namesOf), '__proto__', 'constructor', 'prototype', 'action', 'toString']
  return fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 10 })), hostileValue, { maxKeys: 12 })
}

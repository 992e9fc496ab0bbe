import type { Field } from './definition'
import type { Address, FieldValue } from './answers'
import type { Echo } from './validate'

/** Stored answers back into form-field values, so a revisited page shows what was given. */
export function echoOf(fields: readonly Field[], answers: Readonly<Record<string, unknown>>): Echo {
  const echo: Echo = {}
  for (const field of fields) {
    const value = answers[field.id] as FieldValue | undefined
    if (value === undefined) continue
    if (field.kind === 'date' && typeof value === 'string') {
      const [year, month, day] = value.split('-')
      echo[`${field.id}-day`] = String(Number(day))
      echo[`${field.id}-month`] = String(Number(month))
      echo[`${field.id}-year`] = year ?? ''
    } else if (field.kind === 'address' && typeof value === 'object' && !Array.isArray(value)) {
      const address = value as Address
      for (const part of ['line1', 'line2', 'town', 'postcode'] as const)
        echo[`${field.id}-${part}`] = address[part] ?? ''
    } else if (Array.isArray(value)) echo[field.id] = value.filter((v): v is string => typeof v === 'string')
    else if (typeof value === 'string') echo[field.id] = value
  }
  return echo
}

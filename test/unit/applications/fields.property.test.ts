import fc from 'fast-check'
import { applications, allPages } from '../../../app/applications/registry'
import { parsePage, isValidValue } from '../../../app/applications/validate'
import type { Field } from '../../../app/applications/definition'
import { hostileBody } from './hostile'
import { fuzzSeed } from '../../helpers/fuzz/seed'

const SEED = fuzzSeed('every field against hostile input')

const today = '2026-11-25'
const fieldsOf = (app: (typeof applications)[number]) =>
  allPages(app).flatMap((p) => (p.kind === 'addAnother' ? [p.itemFields] : [p.fields])) as (readonly Field[])[]

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/

function printable(value: unknown): boolean {
  if (typeof value === 'string') return !UNPRINTABLE.test(value.replace(/\n/g, ''))
  if (Array.isArray(value)) return value.every(printable)
  if (value && typeof value === 'object') return Object.values(value).every(printable)
  return false
}

describe('every field against hostile input', () => {
  let index = 0
  for (const app of applications)
    for (const fields of fieldsOf(app)) {
      const seed = SEED + index++
      const label = `${app.id}: ${fields.map((f) => f.id).join(', ')}`
      it(`${label} gives an error or a valid, printable value, never a throw`, () => {
        fc.assert(
          fc.property(hostileBody(fields), (body) => {
            const result = parsePage(fields, body, today)
            for (const field of fields) {
              const value = result.values[field.id]
              if (value === undefined) continue
              expect(printable(value)).toBe(true)
              if (field.kind !== 'address') expect(isValidValue(field, value, today)).toBe(true)
              // Limits count characters (code points), as the error message states them.
              if (typeof value === 'string') expect([...value].length).toBeLessThanOrEqual(field.maxLength ?? 1200)
            }
            // A field with no value is either optional or has an error to show.
            for (const field of fields)
              if (result.values[field.id] === undefined && !field.optional)
                expect(result.errors.some((e) => e.field === field.id)).toBe(true)
            expect(Object.getPrototypeOf(result.values)).toBe(Object.prototype)
            expect(Object.keys(result.values).every((k) => fields.some((f) => f.id === k))).toBe(true)
          }),
          { numRuns: 150, seed },
        )
      })
    }
})

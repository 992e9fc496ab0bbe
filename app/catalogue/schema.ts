import { z } from 'zod'
import type { Rule } from './types'

/** Ids appear in URLs and copy keys, so they are kebab-case. */
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case')
const fact = z.string().regex(/^[a-z0-9:-]+$/, 'must be lower-case letters, digits, - and :')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date')

export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ fact }),
    z.strictObject({ allOf: z.array(ruleSchema) }),
    z.strictObject({ anyOf: z.array(ruleSchema).min(1) }),
    z.strictObject({ not: ruleSchema }),
  ]),
)

const source = z.strictObject({
  title: z.string().min(1),
  titleCy: z.string().min(1),
  url: z.url(),
  validFrom: isoDate,
  unconfirmed: z.boolean().optional(),
})
const figure = z.strictObject({ amount: z.number().nonnegative(), unit: z.enum(['money', 'number']), source })
const figures = z.record(z.string(), figure).optional()
const option = z.strictObject({ value: id, sets: z.array(fact).optional(), unsure: z.array(fact).optional() })
const band = option.extend({ underYears: z.number().int().positive().optional() })

const question = z.discriminatedUnion('kind', [
  z.strictObject({
    id,
    kind: z.enum(['radios', 'yes-no', 'checkboxes']),
    askIf: ruleSchema.optional(),
    figures,
    options: z.array(option).min(2),
  }),
  z.strictObject({ id, kind: z.literal('date'), askIf: ruleSchema.optional(), figures, bands: z.array(band).min(1) }),
])

const how = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('portal'),
    application: z.enum(['dbs-basic', 'care-worker-wales', 'child-benefit']),
  }),
  z.strictObject({ kind: z.literal('link') }),
  z.strictObject({ kind: z.literal('phone'), phone: z.string().regex(/^[0-9 ]+$/) }),
])

const service = z.strictObject({ id, provider: id, url: z.url(), how, source, figures })

const outcome = z.strictObject({
  id: z.enum(['work-in-care', 'child-support', 'bereavement', 'caring']),
  steps: z.array(id).min(1),
  questions: z.array(question).min(1),
  derived: z.array(z.strictObject({ fact, when: ruleSchema })),
  services: z.array(z.strictObject({ service: id, step: id, showIf: ruleSchema })).min(1),
})

/** The shape of a catalogue; cross-references are checked separately in `validateCatalogue`. */
export const catalogueSchema = z.strictObject({
  outcomes: z.array(outcome).min(1),
  services: z.record(z.string(), service),
  providers: z.array(id),
})

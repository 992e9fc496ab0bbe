import { z } from 'zod'
import { ruleSchema } from '../rules/holds'
import { OUTCOME_IDS } from '../catalogue/types'

/**
 * Applications are data: sections of pages of fields, with `askIf` rules over facts.
 * Copy is not stored here; keys are derived from ids (`<app>.fields.<id>.label`), so the
 * definition, the copy files and the page-state list cannot drift apart unnoticed.
 */
export const FIELD_KINDS = [
  'text',
  'email',
  'telephone',
  'nino',
  'postcode',
  'address',
  'date',
  'radios',
  'checkboxes',
  'textarea',
] as const

const id = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'ids are camelCase letters and digits')
const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, 'page ids are kebab-case')

export const fieldSchema = z
  .object({
    id,
    kind: z.enum(FIELD_KINDS),
    optional: z.boolean().optional(),
    maxLength: z.number().int().min(1).max(5000).optional(),
    /** The HTML autocomplete token when the field holds the applicant's own details. */
    autocomplete: z.string().optional(),
    options: z
      .array(z.string().regex(/^[a-z0-9-]+$/))
      .min(2)
      .optional(),
    /** Date constraints, by age in whole years on the day of answering. */
    date: z
      .object({
        past: z.boolean().optional(),
        minAge: z.number().int().optional(),
        maxAge: z.number().int().optional(),
      })
      .strict()
      .optional(),
    /** Tell us once: take the answer from this triage question, mapping its values. */
    fromTriage: z
      .object({ question: z.string(), map: z.record(z.string(), z.string()).optional() })
      .strict()
      .optional(),
    /** Narrower inputs for short answers (govuk-input--width-N). */
    width: z.enum(['2', '3', '4', '5', '10', '20']).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const choice = f.kind === 'radios' || f.kind === 'checkboxes'
    if (choice !== Boolean(f.options))
      ctx.addIssue({ code: 'custom', message: `${f.id}: options only and always on radios/checkboxes` })
    if (f.date && f.kind !== 'date')
      ctx.addIssue({ code: 'custom', message: `${f.id}: date rules only on date fields` })
  })
export type Field = z.infer<typeof fieldSchema>

const questionPage = z
  .object({
    id: slug,
    kind: z.literal('question').default('question'),
    askIf: ruleSchema.optional(),
    fields: z.array(fieldSchema).min(1),
  })
  .strict()
const addAnotherPage = z
  .object({
    id: slug,
    kind: z.literal('addAnother'),
    askIf: ruleSchema.optional(),
    /** The answer key holding the list of items. */
    field: id,
    itemFields: z.array(fieldSchema).min(1),
    /** Fields whose values, joined, name an item in the summary ("Amy Jones"). */
    itemName: z.array(id).min(1),
    min: z.number().int().min(0),
    max: z.number().int().min(1).max(20),
  })
  .strict()
export const pageSchema = z.union([addAnotherPage, questionPage])
export type QuestionPage = z.infer<typeof questionPage>
export type AddAnotherPage = z.infer<typeof addAnotherPage>
export type Page = QuestionPage | AddAnotherPage

export const sectionSchema = z.object({ id, pages: z.array(pageSchema).min(1) }).strict()
export type Section = z.infer<typeof sectionSchema>

export const applicationSchema = z
  .object({
    id: slug,
    /** Three letters that start every reference, so staff can tell applications apart. */
    referencePrefix: z.string().regex(/^[A-Z]{3}$/),
    /** The triage outcome whose answers prefill this application. */
    outcome: z.enum(OUTCOME_IDS),
    /** Field ids the engine relies on: resume by date of birth, email for notifications. */
    dateOfBirthField: id,
    emailField: id,
    nameField: id,
    sections: z.array(sectionSchema).min(1),
  })
  .strict()
export type Application = z.infer<typeof applicationSchema>

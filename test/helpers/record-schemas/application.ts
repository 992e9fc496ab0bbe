import { z } from 'zod'
import type { Application, Field } from '../../../app/applications/definition'
import { applications, allPages } from '../../../app/applications/registry'
import { isItems } from '../../../app/applications/answers'
import { isValidValue, parsePage } from '../../../app/applications/validate'
import { isReadyToSubmit } from '../../../app/applications/progress'
import { REFERENCE_SHAPE } from './reference'
import { CHANNELS } from '../../../app/audit/service/record'

/**
 * What a stored draft, submission or outbox row must look like: the answers each hold one
 * valid value per field of their application (the same rules the pages apply), and every
 * column its shape. The hostile-input suite reads the whole database back through these
 * after fuzzing every form, so "nothing invalid was stored" is checked by the app's rules.
 */
const iso = z.iso.datetime()
const reference = z.string().regex(REFERENCE_SHAPE)
const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' })
        return z.NEVER
      }
    })
    .pipe(schema)

/** Whether a stored value passes its field's rules; addresses are re-parsed from their parts. */
function validStored(field: Field, value: unknown, today: string): boolean {
  if (field.kind !== 'address') return isValidValue(field, value, today)
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const parts = value as Record<string, unknown>
  const body = Object.fromEntries(['line1', 'line2', 'town', 'postcode'].map((p) => [`${field.id}-${p}`, parts[p]]))
  const parsed = parsePage([field], body, today)
  return parsed.errors.length === 0 && JSON.stringify(parsed.values[field.id]) === JSON.stringify(value)
}

/** Answers of one application: only its own field ids (and add-another items), each valid. */
export function answersSchema(app: Application, today: string) {
  const fields = new Map<string, Field>()
  const itemFields = new Map<string, readonly Field[]>()
  for (const page of allPages(app)) {
    if (page.kind === 'addAnother') itemFields.set(page.field, page.itemFields)
    else for (const f of page.fields) fields.set(f.id, f)
  }
  return z.record(z.string(), z.unknown()).superRefine((answers, ctx) => {
    for (const [key, value] of Object.entries(answers)) {
      const field = fields.get(key)
      const items = itemFields.get(key)
      if (field) {
        if (!validStored(field, value, today)) ctx.addIssue({ code: 'custom', path: [key], message: 'invalid value' })
      } else if (items && isItems(value)) {
        value.forEach((item, i) => {
          for (const [k, v] of Object.entries(item)) {
            const f = items.find((x) => x.id === k)
            if (!f || !validStored(f, v, today))
              ctx.addIssue({ code: 'custom', path: [key, i, k], message: 'invalid item value' })
          }
        })
      } else ctx.addIssue({ code: 'custom', path: [key], message: 'not a field of this application' })
    }
  })
}

/** Reports the answers' problems under `answers`; true when there were none. */
function checkAnswers(app: Application, answers: unknown, today: string, ctx: z.RefinementCtx): boolean {
  const result = answersSchema(app, today).safeParse(answers)
  if (result.success) return true
  for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['answers', ...issue.path] } as never)
  return false
}

const appOf = (id: string) => applications.find((a) => a.id === id)
const applicationId = z.string().refine((id) => appOf(id) !== undefined, 'unknown application')
const channel = z.enum(CHANNELS)
const locale = z.enum(['en', 'cy'])

export function draftRecordSchema(today: string) {
  return z
    .object({
      id: z.uuid(),
      application: applicationId,
      reference,
      answers: json(z.record(z.string(), z.unknown())),
      meta: json(z.object({ prefilled: z.record(z.string(), z.string()), visited: z.array(z.string()) }).partial()),
      channel,
      staff_id: z.string().nullable(),
      consent_at: iso.nullable(),
      locale,
      created_at: iso,
      updated_at: iso,
      expires_at: iso,
      submitted_at: iso.nullable(),
    })
    .superRefine((row, ctx) => {
      const app = appOf(row.application)
      if (!app) return
      // A sent draft keeps only its shell; its answers live in the submission.
      if (row.submitted_at && Object.keys(row.answers).length > 0)
        ctx.addIssue({ code: 'custom', path: ['answers'], message: 'sent draft still holds answers' })
      checkAnswers(app, row.answers, today, ctx)
    })
}

export function submissionRecordSchema(today: string) {
  return z
    .object({
      id: z.uuid(),
      draft_id: z.uuid(),
      reference,
      application: applicationId,
      answers: json(z.record(z.string(), z.unknown())),
      channel,
      staff_id: z.string().nullable(),
      consent_at: iso.nullable(),
      locale,
      started_at: iso,
      submitted_at: iso,
    })
    .superRefine((row, ctx) => {
      const app = appOf(row.application)
      if (!app) return
      if (checkAnswers(app, row.answers, today, ctx) && !isReadyToSubmit(app, row.answers as never))
        ctx.addIssue({ code: 'custom', path: ['answers'], message: 'submitted incomplete' })
    })
}

import { z } from 'zod'
import type { Application } from './definition'
import type { FieldValue } from './answers'
import { allPages, fieldsOf } from './registry'
import { isValidValue } from './validate'

/** Triage answers as the triage keeps them in the session: question id → value(s). */
export type TriageAnswers = Readonly<Record<string, string | readonly string[]>>

const triageSchema = z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())])))

/** Reads `session.triage[outcome]` defensively: the shape belongs to another area. */
export function triageAnswersFrom(session: unknown, outcome: string): TriageAnswers {
  const parsed = triageSchema.safeParse((session as { triage?: unknown } | undefined)?.triage)
  return (parsed.success ? parsed.data[outcome] : undefined) ?? {}
}

export interface Prefill {
  values: Record<string, FieldValue>
  /** Field id → the triage question it came from, for Change links on check answers. */
  sources: Record<string, string>
}

/**
 * Tell us once: every field with `fromTriage` takes the triage answer when it is a valid
 * value for the field (after mapping). An answer that does not fit is ignored, and the
 * question is asked as usual rather than guessed.
 */
export function prefillFrom(app: Application, triage: TriageAnswers, today: string): Prefill {
  const values: Record<string, FieldValue> = {}
  const sources: Record<string, string> = {}
  for (const page of allPages(app))
    for (const field of fieldsOf(page)) {
      if (!field.fromTriage) continue
      const raw = triage[field.fromTriage.question]
      if (raw === undefined) continue
      const mapped =
        typeof raw === 'string' ? (field.fromTriage.map?.[raw] ?? raw) : raw.map((v) => field.fromTriage?.map?.[v] ?? v)
      if (!isValidValue(field, mapped, today)) continue
      values[field.id] = mapped
      sources[field.id] = field.fromTriage.question
    }
  return { values, sources }
}

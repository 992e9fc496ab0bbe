/**
 * The catalogue's types, inferred from the zod schemas that check the data files at start-up
 * (schema.ts), plus the ids read from the data itself (ids.generated.ts). Everything here is
 * plain, serialisable data, so a catalogue can be validated, listed, drawn as a journey map
 * and enumerated by tests — never closures.
 */
import type { z } from 'zod'
import type { figureSchema, NATIONS, outcomeSchema, questionSchema, serviceSchema, variantSchema } from './schema'
import type { OutcomeId } from './ids.generated'

export type { Fact, Rule } from './rule'
export { OUTCOME_IDS, type OutcomeId } from './ids.generated'

export type QuestionId = string
export type Nation = (typeof NATIONS)[number]

/** An answer as stored in the session: one value, or the values ticked in a checkboxes question. */
export type Answer = string | readonly string[]
export type Answers = Readonly<Record<QuestionId, Answer>>

export type Figure = z.infer<typeof figureSchema>
export type Question = z.infer<typeof questionSchema>
export type DateQuestion = Extract<Question, { kind: 'date' }>
export type DateBand = DateQuestion['bands'][number]
export type Variant = z.infer<typeof variantSchema>

/** A service a citizen may get. Copy lives under `catalogue.services.<id>.*`. */
export type Service = z.infer<typeof serviceSchema> & { id: string }

export type OutcomeData = z.infer<typeof outcomeSchema>
/** One outcome: questions in order, services with the rules that show them, plan steps. */
export type Outcome = OutcomeData & { id: OutcomeId }
export type Placement = Outcome['services'][number]

export interface Catalogue {
  /** In start-page order. */
  outcomes: readonly Outcome[]
  services: Readonly<Record<string, Service>>
}

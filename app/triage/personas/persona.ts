import type { Answers, OutcomeId } from '../../catalogue/types'

/**
 * A named situation with the exact plan it must produce. Shared by the unit tests, the
 * integration and browser journeys, the accessibility walker and the benchmark.
 */
export interface Persona {
  id: string
  outcome: OutcomeId
  description: string
  answers: Answers
  /** The plan, in order, as `step/service`, with ` (may)` where a rule depends on "I'm not sure". */
  plan: readonly string[]
}

/** The date persona plans are pinned to: ages from dates of birth are worked out on this day. */
export const PERSONA_DAY = new Date(Date.UTC(2026, 0, 15))

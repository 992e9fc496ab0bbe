/**
 * The triage engine's public face for tests and benchmarks (the app calls walk and planFor
 * itself): pure functions over the catalogue by outcome id or whole outcome, no Express.
 */
import { CATALOGUE, outcomeById } from '../../../app/catalogue'
import type { Answers, Catalogue, Fact, Outcome, OutcomeId, Question, QuestionId } from '../../../app/catalogue/types'
import { planFor, type Plan, type PlannedService, type PlanStep } from '../../../app/triage/plan'
import { walk } from '../../../app/triage/walk'

export { CATALOGUE, outcomeById }
export { answersOnPath } from '../../../app/triage/engine'
export { evaluate } from '../../../app/rules/evaluate'
export { always } from '../rules'
export type * from '../../../app/catalogue/types'
export { OUTCOME_IDS } from '../../../app/catalogue/types'

/** An outcome by id (the portal's catalogue) or a whole outcome (fixture catalogues). */
type OutcomeRef = OutcomeId | Outcome

const resolve = (ref: OutcomeRef): Outcome => (typeof ref === 'string' ? outcomeById(ref) : ref)

interface Path {
  /** Questions on the citizen's path they have answered, in the order asked. */
  answered: readonly QuestionId[]
  /** The question to ask next, or undefined when the plan is ready. */
  next: QuestionId | undefined
}

export function pathOf(outcome: OutcomeRef, answers: Answers, today: Date): Path {
  const state = walk(resolve(outcome), answers, today)
  return { answered: state.answered.map((q) => q.id), next: state.next?.id }
}

export function nextQuestion(outcome: OutcomeRef, answers: Answers, today: Date): Question | undefined {
  return walk(resolve(outcome), answers, today).next
}

/** Facts that hold, including derived ones. Facts left open by "I'm not sure" are not in it. */
export function factsOf(outcome: OutcomeRef, answers: Answers, today: Date): ReadonlySet<Fact> {
  return walk(resolve(outcome), answers, today).knowledge.facts
}

export function plan(outcome: OutcomeRef, answers: Answers, today: Date, catalogue: Catalogue = CATALOGUE): Plan {
  return planFor(resolve(outcome), catalogue.services, answers, today)
}

/** Every service in a step, the options of a choice included, in order. */
export const servicesIn = (step: PlanStep): PlannedService[] =>
  step.items.flatMap((item) => (item.kind === 'choice' ? item.options : [item]))

/** The service a plan shows with this id (a choice's option included), or undefined. */
export const shownService = (result: Plan, id: string): PlannedService | undefined =>
  result.steps.flatMap(servicesIn).find((s) => s.service.id === id)

import { CATALOGUE, outcomeById } from '../catalogue'
import { planFor, type Plan } from './plan'
import type { Answer, Answers, Catalogue, Fact, Outcome, OutcomeId, Question, QuestionId } from './types'
import { walk } from './walk'

/** An outcome by id (the portal's catalogue) or a whole outcome (tests, fixture catalogues). */
export type OutcomeRef = OutcomeId | Outcome

const resolve = (ref: OutcomeRef): Outcome => (typeof ref === 'string' ? outcomeById(ref) : ref)

export interface Path {
  /** Questions on the citizen's path they have answered, in the order asked. */
  answered: readonly QuestionId[]
  /** The question to ask next, or undefined when the plan is ready. */
  next: QuestionId | undefined
}

export function pathOf(outcome: OutcomeRef, answers: Answers, today?: Date): Path {
  const state = walk(resolve(outcome), answers, today)
  return { answered: state.answered.map((q) => q.id), next: state.next?.id }
}

export function nextQuestion(outcome: OutcomeRef, answers: Answers, today?: Date): Question | undefined {
  return walk(resolve(outcome), answers, today).next
}

/** Facts that hold, including derived ones. Facts left open by "I'm not sure" are not in it. */
export function factsOf(outcome: OutcomeRef, answers: Answers, today?: Date): ReadonlySet<Fact> {
  return walk(resolve(outcome), answers, today).knowledge.facts
}

/**
 * The answers still on the path. Stored after every change so that answers to questions no
 * longer asked are dropped, while later answers that still apply are kept.
 */
export function answersOnPath(outcome: OutcomeRef, answers: Answers, today?: Date): Record<QuestionId, Answer> {
  const kept: Record<QuestionId, Answer> = {}
  for (const question of walk(resolve(outcome), answers, today).answered) {
    const answer = answers[question.id]
    if (answer !== undefined) kept[question.id] = answer
  }
  return kept
}

export function plan(outcome: OutcomeRef, answers: Answers, today?: Date, catalogue: Catalogue = CATALOGUE): Plan {
  return planFor(resolve(outcome), catalogue.services, answers, today)
}

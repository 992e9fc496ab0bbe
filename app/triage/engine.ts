import { CATALOGUE, outcomeById } from '../catalogue'
import { planFor, type Plan } from './plan'
import type { Answer, Answers, Catalogue, Fact, Outcome, OutcomeId, Question, QuestionId } from '../catalogue/types'
import { walk, walkThrough } from './walk'

/** An outcome by id (the portal's catalogue) or a whole outcome (tests, fixture catalogues). */
export type OutcomeRef = OutcomeId | Outcome

const resolve = (ref: OutcomeRef): Outcome => (typeof ref === 'string' ? outcomeById(ref) : ref)

export interface Path {
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

/**
 * The answers to keep after an answer changes: those whose question is still asked, and
 * those whose question might still be asked once the newly needed questions are answered
 * (their facts count as unknown until then). Only answers to questions that can no longer
 * be asked are dropped, so the citizen never retypes an answer that still applies.
 */
export function answersOnPath(outcome: OutcomeRef, answers: Answers, today: Date): Record<QuestionId, Answer> {
  const kept: Record<QuestionId, Answer> = {}
  for (const question of walkThrough(resolve(outcome), answers, today)) {
    const answer = answers[question.id]
    if (answer !== undefined) kept[question.id] = answer
  }
  return kept
}

export function plan(outcome: OutcomeRef, answers: Answers, today: Date, catalogue: Catalogue = CATALOGUE): Plan {
  return planFor(resolve(outcome), catalogue.services, answers, today)
}

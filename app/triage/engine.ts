import { outcomeById } from '../catalogue'
import type { Answer, Answers, Outcome, OutcomeId, QuestionId } from '../catalogue/types'
import { walkThrough } from './walk'

/** An outcome by id (the portal's catalogue) or a whole outcome (tests, fixture catalogues). */
export type OutcomeRef = OutcomeId | Outcome

const resolve = (ref: OutcomeRef): Outcome => (typeof ref === 'string' ? outcomeById(ref) : ref)

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

import type { Step } from '../a11y/page-state'
import type { Answer, Answers, Outcome, Question } from '../catalogue/types'
import { questionUrl } from './urls'
import { walk } from './walk'

// The steps that answer an outcome's questions, for page states in any area (the staff
// hand-over states reach a plan this way); its own file, so no area's page states import another's.

/** The form a browser posts for an answer: one field, or the three parts of a date. */
export function formFor(question: Question, answer: Answer): Record<string, string | readonly string[]> {
  if (question.kind !== 'date') return { answer }
  const [year = '', month = '', day = ''] = (answer as string).split('-')
  return { 'answer-day': String(Number(day)), 'answer-month': String(Number(month)), 'answer-year': year }
}

/**
 * GET each question on the path and POST its answer, as a citizen would, in path order, on
 * `today` (ages from dates of birth): the day the answers were chosen for, which is the
 * day the test app's clock is pinned to.
 */
export function answerSteps(outcome: Outcome, answers: Answers, today: Date): Step[] {
  const steps: Step[] = []
  for (const question of walk(outcome, answers, today).answered) {
    const url = questionUrl(outcome.id, question.id)
    const answer = answers[question.id]
    if (answer === undefined) continue
    steps.push({ get: url }, { post: url, form: formFor(question, answer) })
  }
  return steps
}

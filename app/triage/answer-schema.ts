import { z } from 'zod'
import { keys } from './copy-keys'
import type { Answer, OutcomeId, Question } from '../catalogue/types'

/** A parsed answer, or the copy key of the GOV.UK error message and the field it points at. */
export type ParsedAnswer = { ok: true; answer: Answer } | { ok: false; errorKey: string; field: string }

const text = z.string().trim()

function parseDate(outcome: OutcomeId, question: Question, body: unknown, today: Date): ParsedAnswer {
  const parts = z
    .object({ 'answer-day': text.default(''), 'answer-month': text.default(''), 'answer-year': text.default('') })
    .catch({ 'answer-day': '', 'answer-month': '', 'answer-year': '' })
    .parse(body)
  const [day, month, year] = [parts['answer-day'], parts['answer-month'], parts['answer-year']]
  const errors = keys.dateErrors(outcome, question.id)
  if (!day && !month && !year)
    return { ok: false, errorKey: keys.question(outcome, question.id).error, field: 'answer-day' }
  const numbers = [day, month, year].map((p) => (/^\d+$/.test(p) ? Number(p) : NaN))
  const [d, m, y] = numbers as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  const real =
    year.length === 4 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  if (!real || y < 1900) return { ok: false, errorKey: errors.invalid, field: 'answer-day' }
  if (date.getTime() > today.getTime()) return { ok: false, errorKey: errors.future, field: 'answer-day' }
  return { ok: true, answer: date.toISOString().slice(0, 10) }
}

/**
 * Validates a posted answer with a zod schema derived from the question: only the
 * question's own field is read (anything else in the body is dropped), and only the
 * question's own options are accepted.
 */
export function parseAnswer(outcome: OutcomeId, question: Question, body: unknown, today: Date): ParsedAnswer {
  if (question.kind === 'date') return parseDate(outcome, question, body, today)
  const values = question.options.map((o) => o.value) as [string, ...string[]]
  const choice = z.enum(values)
  const schema =
    question.kind === 'checkboxes'
      ? z.object({ answer: z.union([choice.transform((v) => [v]), z.array(choice).min(1)]) })
      : z.object({ answer: choice })
  const parsed = schema.safeParse(body)
  if (!parsed.success) return { ok: false, errorKey: keys.question(outcome, question.id).error, field: 'answer' }
  const answer = parsed.data.answer
  // Keep checkbox answers in catalogue order and without repeats, so equal answers compare equal.
  return { ok: true, answer: typeof answer === 'string' ? answer : values.filter((v) => answer.includes(v)) }
}

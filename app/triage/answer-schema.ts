import { z } from 'zod'
import { isoDay, parseDateParts } from '../rules/dates'
import { bornBeforeItsEvent } from './age'
import { keys } from './copy-keys'
import type { Answer, DateQuestion, OutcomeId, Question } from '../catalogue/types'

/** A parsed answer, or the copy key of the GOV.UK error message and the field it points at. */
export type ParsedAnswer = { ok: true; answer: Answer } | { ok: false; errorKey: string; field: string }

const text = z.string().trim()

const dateParts = z
  .object({ 'answer-day': text.default(''), 'answer-month': text.default(''), 'answer-year': text.default('') })
  .catch({ 'answer-day': '', 'answer-month': '', 'answer-year': '' })

function parseDate(
  outcome: OutcomeId,
  question: DateQuestion,
  body: unknown,
  today: Date,
  events: ReadonlyMap<string, string>,
): ParsedAnswer {
  const parts = dateParts.parse(body)
  const parsed = parseDateParts(
    { day: parts['answer-day'], month: parts['answer-month'], year: parts['answer-year'] },
    isoDay(today),
    { notFuture: true },
  )
  const errors = keys.dateErrors(outcome, question.id)
  if ('value' in parsed) {
    // Most likely a year typed wrongly.
    if (!bornBeforeItsEvent(question, parsed.value, events))
      return { ok: false, errorKey: errors.afterEvent, field: 'answer-day' }
    return { ok: true, answer: parsed.value }
  }
  if ('empty' in parsed) return { ok: false, errorKey: keys.question(outcome, question.id).error, field: 'answer-day' }
  // Otherwise two messages: a date in the future, and any other date that is not real.
  return { ok: false, errorKey: parsed.code === 'future' ? errors.future : errors.invalid, field: 'answer-day' }
}

/**
 * Validates a posted answer with a zod schema derived from the question (a date against the
 * days the earlier answers give events, `events`): only the
 * question's own field is read (anything else in the body is dropped), and only the
 * question's own options are accepted.
 */
export function parseAnswer(
  outcome: OutcomeId,
  question: Question,
  body: unknown,
  today: Date,
  events: ReadonlyMap<string, string> = new Map(),
): ParsedAnswer {
  if (question.kind === 'date') return parseDate(outcome, question, body, today, events)
  const values = question.options.map((o) => o.value) as [string, ...string[]]
  const parsed = answerSchema(question.kind === 'checkboxes', values).safeParse(body)
  if (!parsed.success) return { ok: false, errorKey: keys.question(outcome, question.id).error, field: 'answer' }
  const answer = parsed.data.answer
  // Keep checkbox answers in catalogue order and without repeats, so equal answers compare equal.
  return { ok: true, answer: typeof answer === 'string' ? answer : values.filter((v) => answer.includes(v)) }
}

/**
 * Schemas by whether several answers may be chosen, and the values offered. Building a zod
 * schema compiles it, which cost more than the rest of an answer's POST (issue 21). Keys come
 * from the catalogue, never from what was posted: a question's own options, or fewer where an
 * option's `askIf` fails, so this stays small.
 */
const schemas = new Map<string, z.ZodType<{ answer: string | string[] }>>()

function answerSchema(multiple: boolean, values: [string, ...string[]]) {
  const id = `${multiple ? 'many' : 'one'}:${JSON.stringify(values)}`
  let schema = schemas.get(id)
  if (!schema) {
    const choice = z.enum(values)
    schema = multiple
      ? z.object({ answer: z.union([choice.transform((v) => [v]), z.array(choice).min(1)]) })
      : z.object({ answer: choice })
    schemas.set(id, schema)
  }
  return schema
}

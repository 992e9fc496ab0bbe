import { bandsOf, sampleDates } from './age'
import { factsIn } from '../rules/evaluate'
import type { Answer, Answers, Fact, Outcome, Question, Rule } from '../catalogue/types'
import { walk, type Walk } from './walk'

/** A fixed date for enumeration, so date-of-birth samples fall in the same band every run. */
export const ENUMERATION_DAY = new Date(Date.UTC(2026, 0, 15))

/**
 * Every answer a question can take: one date per age band (per pair of bands, for a date also
 * banded at an event the earlier answers date); checkboxes give every non-empty subset.
 */
export function candidateAnswers(
  question: Question,
  today: Date = ENUMERATION_DAY,
  events: ReadonlyMap<string, string> = new Map(),
): Answer[] {
  if (question.kind === 'date') return sampleDates(question, today, events)
  const values = question.options.map((o) => o.value)
  if (question.kind !== 'checkboxes') return values
  const subsets: string[][] = []
  for (let mask = 1; mask < 1 << values.length; mask++) subsets.push(values.filter((_, i) => mask & (1 << i)))
  return subsets
}

/** The day the answers are given and the events they date, which decide a date's age bands. */
export interface AnsweredOn {
  today: Date
  events: ReadonlyMap<string, string>
}

/** Stops the walk when it returns false; any other result (or none) carries on. */
export type PathVisitor = (answers: Answers, end: Walk) => unknown

/**
 * Depth-first over every path a citizen can take: only questions on the path are answered,
 * so the count is far below the product of all answers. `order` lets a search try the
 * most promising answers first. Returns false if a visitor stopped it.
 */
export function forEachPath(
  outcome: Outcome,
  visit: PathVisitor,
  options: { today?: Date; order?: (q: Question, answers: Answer[], on: AnsweredOn) => Answer[] } = {},
): boolean {
  const today = options.today ?? ENUMERATION_DAY
  const step = (answers: Record<string, Answer>): boolean => {
    const state = walk(outcome, answers, today)
    if (!state.next) return visit(answers, state) !== false
    const question = state.next
    const candidates = candidateAnswers(question, today, state.events)
    const ordered = options.order ? options.order(question, candidates, { today, events: state.events }) : candidates
    for (const answer of ordered) {
      if (!step({ ...answers, [question.id]: answer })) return false
    }
    return true
  }
  return step({})
}

/** Facts a rule wants to hold (positive) and to fail (negative), through derivations. */
function polarity(outcome: Outcome, rule: Rule) {
  const positive = new Set<Fact>()
  const negative = new Set<Fact>()
  const visit = (r: Rule, sign: boolean, depth: number) => {
    if (depth > 20) return
    if ('fact' in r) {
      ;(sign ? positive : negative).add(r.fact)
      const derivation = outcome.derived.find((d) => d.fact === r.fact)
      if (derivation) visit(derivation.when, sign, depth + 1)
    } else if ('not' in r) visit(r.not, !sign, depth + 1)
    else for (const part of 'allOf' in r ? r.allOf : r.anyOf) visit(part, sign, depth + 1)
  }
  visit(rule, true, 0)
  return { positive, negative }
}

/**
 * Orders answers so that a depth-first search for a rule tries first the answers setting
 * facts the rule needs and last those setting facts it forbids. It only speeds the search;
 * every answer is still tried.
 */
export function orderTowards(outcome: Outcome, rule: Rule) {
  const { positive, negative } = polarity(outcome, rule)
  const wanted = factsIn(rule)
  const chosen = (question: Question, answer: Answer, on: AnsweredOn) => {
    if (question.kind === 'date') return bandsOf(question, answer as string, on.today, on.events)
    const values = typeof answer === 'string' ? [answer] : answer
    return question.options.filter((o) => values.includes(o.value))
  }
  const score = (question: Question, answer: Answer, on: AnsweredOn): number => {
    let total = 0
    for (const option of chosen(question, answer, on)) {
      for (const f of [...(option.sets ?? []), ...(option.unsure ?? [])]) {
        if (positive.has(f) || wanted.has(f)) total += 1
        if (negative.has(f)) total -= 2
      }
    }
    // Fewer ticks first among equals: the smallest answer that does the job.
    return total - (typeof answer === 'string' ? 1 : answer.length) / 100
  }
  return (question: Question, answers: Answer[], on: AnsweredOn): Answer[] =>
    answers
      .map((answer, index) => ({ answer, index, score: score(question, answer, on) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map((entry) => entry.answer)
}

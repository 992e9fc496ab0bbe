import { evaluate, type Knowledge } from '../rules/evaluate'
import type { Answer, Answers, Fact, Outcome, Question, QuestionId } from '../catalogue/types'
import { bandsOf, bornBeforeItsEvent, choicesOf } from './age'

/** The answer that set a fact, so the plan can say "because you said …". */
export interface Origin {
  question: QuestionId
  value: string
}

/** One pass over an outcome's questions with the citizen's answers. */
export interface Walk {
  knowledge: Knowledge
  /** Questions on the citizen's path that they have answered, in order. */
  answered: readonly Question[]
  /** The first question on the path still to answer; undefined when the plan is ready. */
  next: Question | undefined
  /** Facts set directly by answers, and the answer behind each. */
  origins: ReadonlyMap<Fact, Origin>
  /** The days the answered questions give events (`death`), as deadlines and later dates read them. */
  events: ReadonlyMap<string, string>
}

/** Whether a stored answer still fits the question (the catalogue may have changed since). */
export function isValidAnswer(question: Question, answer: Answer | undefined): answer is Answer {
  if (answer === undefined) return false
  if (question.kind === 'date') return typeof answer === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(answer)
  // A handful of options: a scan is cheaper than building a set on every page view.
  const offered = (value: unknown) => question.options.some((o) => o.value === value)
  if (question.kind === 'checkboxes') return Array.isArray(answer) && answer.length > 0 && answer.every(offered)
  return typeof answer === 'string' && offered(answer)
}

/**
 * The question as asked on this path: options whose own `askIf` fails are left out (an option
 * for Scotland only is not offered in Wales). The same object comes back when nothing is left
 * out, so most questions keep their identity.
 */
export function asAsked(question: Question, k: Knowledge): Question {
  if (question.kind === 'date' || !question.options.some((o) => o.askIf)) return question
  const options = question.options.filter((o) => !o.askIf || evaluate(o.askIf, k) !== 'no')
  return options.length === question.options.length ? question : { ...question, options }
}

/** The chosen options (or age bands) of an answer, which carry the facts. */
function chosen(question: Question, answer: Answer, today: Date, events: ReadonlyMap<string, string>) {
  if (question.kind === 'date') return bandsOf(question, answer as string, today, events)
  const values = typeof answer === 'string' ? [answer] : answer
  return question.options.filter((o) => values.includes(o.value))
}

/** Facts from answers plus derived facts, recomputed so a derivation never goes stale. */
function withDerived(outcome: Outcome, facts: ReadonlySet<Fact>, unknown: ReadonlySet<Fact>): Knowledge {
  if (outcome.derived.length === 0) return { facts, unknown }
  const k = { facts: new Set(facts), unknown: new Set(unknown) }
  for (const derivation of outcome.derived) {
    const truth = evaluate(derivation.when, k)
    if (truth === 'yes') k.facts.add(derivation.fact)
    else if (truth === 'unknown') k.unknown.add(derivation.fact)
  }
  return k
}

/**
 * Walks the questions in order. A question is on the path when its `askIf` holds or is
 * unknown (so "I'm not sure" never hides a question that might matter). Answers to
 * questions off the path are ignored: that is what makes changing an earlier answer drop
 * the ones that no longer apply while keeping the rest.
 */
export function walk(outcome: Outcome, answers: Answers, today: Date): Walk {
  return pass(outcome, answers, today, false)
}

/**
 * Like `walk`, but carries on past unanswered questions, treating every fact they could
 * set as unknown. Returns the answered questions that are, or may yet be, on the path.
 */
export function walkThrough(outcome: Outcome, answers: Answers, today: Date): readonly Question[] {
  return pass(outcome, answers, today, true).answered
}

function pass(outcome: Outcome, answers: Answers, today: Date, through: boolean): Walk {
  const facts = new Set<Fact>()
  const unknown = new Set<Fact>()
  const origins = new Map<Fact, Origin>()
  const answered: Question[] = []
  // Dates the answers so far give events (`death`), for a date of birth banded at one.
  const events = new Map<string, string>()
  let knowledge = withDerived(outcome, facts, unknown)
  for (const full of outcome.questions) {
    if (full.askIf && evaluate(full.askIf, knowledge) === 'no') continue
    const question = asAsked(full, knowledge)
    const answer = answers[question.id]
    // A date of birth the date of death has since overtaken is asked again rather than banded.
    const overtaken = question.kind === 'date' && !bornBeforeItsEvent(question, answer as string, events)
    if (!isValidAnswer(question, answer) || overtaken) {
      if (!through) return { knowledge, answered, next: question, origins, events }
      for (const option of choicesOf(question)) {
        for (const f of [...(option.sets ?? []), ...(option.unsure ?? [])]) unknown.add(f)
      }
      knowledge = withDerived(outcome, facts, unknown)
      continue
    }
    answered.push(question)
    if (question.kind === 'date' && question.event) events.set(question.event, answer as string)
    // Facts only ever accumulate, so equal sizes mean this answer set nothing new and the
    // derived facts still stand: most answers on a long path need no re-derivation.
    const known = facts.size + unknown.size
    for (const option of chosen(question, answer, today, events)) {
      for (const f of option.sets ?? []) {
        facts.add(f)
        origins.set(f, { question: question.id, value: option.value })
      }
      for (const f of option.unsure ?? []) {
        unknown.add(f)
        origins.set(f, { question: question.id, value: option.value })
      }
    }
    if (facts.size + unknown.size !== known) knowledge = withDerived(outcome, facts, unknown)
  }
  return { knowledge, answered, next: undefined, origins, events }
}

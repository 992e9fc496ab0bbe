import {
  always,
  CATALOGUE,
  evaluate,
  OUTCOME_IDS,
  outcomeById,
  pathOf,
  plan,
  servicesIn,
  type Answer,
  type Answers,
  type Outcome,
} from '../../helpers/triage'
import { hasCopy } from '../../../app/i18n/translate'
import { keys, requiredCopy } from '../../../app/triage/copy-keys'
import { candidateAnswers, ENUMERATION_DAY, forEachPath } from '../../../app/triage/enumerate'
import { pairwiseRows } from '../../helpers/triage/pairwise'
import { findPath } from '../../../app/triage/validate'
import { walk } from '../../../app/triage/walk'
import { nationPrefixes, shows } from '../../../app/triage/plan'

const LIMIT = 20_000

/** The copy start-up validation demands in English and Welsh: a sentence outside it may be missing. */
const REQUIRED = new Set(requiredCopy(CATALOGUE).map((r) => r.key))

function placementOf(outcome: Outcome, service: string) {
  const placement = outcome.services.find((p) => p.service === service)
  if (!placement) throw new Error(`No placement for ${service}`)
  return placement
}

/** The date question that dates an event (bereavement's date of death), if the outcome has one. */
const eventQuestionOf = (outcome: Outcome) => outcome.questions.find((q) => q.kind === 'date' && q.event)

/**
 * Each question's answers, asked or not. A date banded again at an event (bereavement's date of
 * birth, at the death) is sampled against one date of that event: `eventDate`, or else the
 * event question's earliest sample, the longest before today.
 */
function domainsOf(outcome: Outcome, eventDate?: string): Answer[][] {
  const dating = eventQuestionOf(outcome)
  const events = new Map<string, string>()
  const date = eventDate ?? (dating && (candidateAnswers(dating) as string[]).toSorted()[0])
  if (dating?.kind === 'date' && dating.event && date) events.set(dating.event, date)
  return outcome.questions.map((q) =>
    q === dating && eventDate ? [eventDate] : candidateAnswers(q, ENUMERATION_DAY, events),
  )
}

/** The full answer space: the product of every question's answers, asked or not. */
const spaceOf = (outcome: Outcome) => domainsOf(outcome).reduce((n, answers) => n * answers.length, 1)

/**
 * Every path for small outcomes; pairwise rows replayed as paths where the space is too large.
 * Pairwise rows are made once per sample date of an event, with the dates of birth sampled
 * against it: a pair of ages (under State Pension age then, over it now) needs the three answers
 * together, the date of death, the date of birth and a relationship that asks it.
 */
function answerSets(outcome: Outcome): Answers[] {
  if (spaceOf(outcome) <= LIMIT) {
    const all: Answers[] = []
    forEachPath(outcome, (answers) => {
      all.push(answers)
    })
    return all
  }
  const dating = eventQuestionOf(outcome)
  const eventDates: (string | undefined)[] = dating ? (candidateAnswers(dating) as string[]) : [undefined]
  return eventDates.flatMap((eventDate) => {
    const domains = domainsOf(outcome, eventDate)
    return pairwiseRows(domains.map((d) => d.length)).map((row) =>
      asPath(
        outcome,
        Object.fromEntries(outcome.questions.map((q, i) => [q.id, (domains[i] ?? [])[row[i] ?? 0] as Answer])),
      ),
    )
  })
}

/**
 * A pairwise row replayed as a path: an answer the path does not offer (an option for
 * Scotland only, on a path in Wales, or a date of birth after the row's date of death) becomes
 * the first answer the question offers there, given the dates the path has answered.
 */
function asPath(outcome: Outcome, row: Answers): Answers {
  const answers: Record<string, Answer> = { ...row }
  for (let end = walk(outcome, answers, ENUMERATION_DAY); end.next; end = walk(outcome, answers, ENUMERATION_DAY))
    answers[end.next.id] = candidateAnswers(end.next, ENUMERATION_DAY, end.events)[0] as Answer
  return answers
}

describe.each(OUTCOME_IDS)('every answer combination for %s', (id) => {
  const outcome = outcomeById(id)
  const sets = answerSets(outcome)
  const askedQuestions = new Set<string>()
  const shownServices = new Set<string>()

  it(`is enumerated (${spaceOf(outcome) <= LIMIT ? 'exhaustively' : 'pairwise'})`, () => {
    expect(sets.length).toBeGreaterThan(0)
  })

  it('ends every path at the plan, asking no question twice', () => {
    for (const answers of sets) {
      const end = walk(outcome, answers, ENUMERATION_DAY)
      expect(end.next).toBeUndefined()
      const ids = end.answered.map((q) => q.id)
      expect(new Set(ids).size).toBe(ids.length)
      ids.forEach((q) => askedQuestions.add(q))
    }
  })

  it('gives the same plan for the same answers, whatever order they were stored in', () => {
    for (const answers of sets) {
      const reversed = Object.fromEntries(Object.entries(answers).reverse())
      expect(plan(outcome, reversed, ENUMERATION_DAY)).toEqual(plan(outcome, answers, ENUMERATION_DAY))
    }
  })

  it('shows a service only when its rule holds, and as "may apply" only when it depends on "not sure"', () => {
    for (const answers of sets) {
      const { knowledge } = walk(outcome, answers, ENUMERATION_DAY)
      for (const step of plan(outcome, answers, ENUMERATION_DAY).steps) {
        for (const shown of servicesIn(step)) {
          const placement = placementOf(outcome, shown.service.id)
          const truth = evaluate(placement.showIf ?? always, knowledge)
          expect(truth).not.toBe('no')
          if (placement.leftOutIf) expect(evaluate(placement.leftOutIf, knowledge)).not.toBe('yes')
          // "May" also when the citizen may already have it, or when a `mayIf` (a rule the
          // portal does not ask about, such as a closer relative who could pay) holds.
          const held = placement.heldIf ? evaluate(placement.heldIf, knowledge) : 'no'
          const may = placement.mayIf ? evaluate(placement.mayIf, knowledge) : 'no'
          expect(shown.certainty).toBe(truth === 'yes' && held === 'no' && may === 'no' ? 'applies' : 'may-apply')
          shownServices.add(shown.service.id)
        }
      }
    }
  })

  it('gives every hidden service a reason in plain words, in English and Welsh, and hides only what it should', () => {
    for (const answers of sets) {
      const { knowledge } = walk(outcome, answers, ENUMERATION_DAY)
      for (const hidden of plan(outcome, answers, ENUMERATION_DAY).notIncluded) {
        const placement = placementOf(outcome, hidden.service.id)
        // Left out by its own rules: a leftOutIf held, or else its showIf failed.
        const leftOut = placement.leftOutIf ? evaluate(placement.leftOutIf, knowledge) : 'no'
        if (hidden.why === 'condition' && leftOut !== 'yes')
          expect(evaluate(placement.showIf ?? always, knowledge)).toBe('no')
        if (hidden.why === 'held') expect(placement.heldIf && evaluate(placement.heldIf, knowledge)).toBe('yes')
        const reasons =
          hidden.why === 'unavailable'
            ? [keys.unavailable(hidden.service.id)]
            : hidden.why === 'excluded'
              ? [keys.excludes(hidden.by ?? '', hidden.service.id)]
              : hidden.reasons.map((r) => keys.fact(outcome.id, r.fact, r.truth))
        expect(reasons.length).toBeGreaterThan(0)
        for (const key of reasons) expect(hasCopy(key)).toBe(true)
      }
    }
  })

  it('explains every service only with sentences the start-up check requires in English and Welsh', () => {
    for (const answers of sets) {
      const result = plan(outcome, answers, ENUMERATION_DAY)
      const reasons = [...result.steps.flatMap(servicesIn), ...result.notIncluded].flatMap((s) => s.reasons)
      for (const r of reasons) {
        const key = keys.fact(outcome.id, r.fact, r.truth)
        if (!REQUIRED.has(key)) throw new Error(`${key} is shown but not required`)
      }
    }
  })

  it('reaches every question and every service', () => {
    if (spaceOf(outcome) > LIMIT) {
      // Pairwise rows need not combine the three or four answers some services need: a
      // directed search finds a path for those, and the plan for it must show them.
      for (const q of outcome.questions) {
        if (askedQuestions.has(q.id) || !q.askIf) continue
        const answers = findPath(outcome, q.askIf, (_a, end) => end.answered.some((a) => a.id === q.id))
        expect(answers && pathOf(outcome, answers, ENUMERATION_DAY).answered).toContain(q.id)
        askedQuestions.add(q.id)
      }
      for (const p of outcome.services) {
        if (shownServices.has(p.service)) continue
        // Steered to the nations that offer the service too, as the start-up check is.
        const service = CATALOGUE.services[p.service]
        const offered = Object.values(service?.variants ?? {}).flatMap((v) =>
          v.nations.flatMap((n) => nationPrefixes(p).map((prefix) => ({ fact: `${prefix}:${n}` }))),
        )
        const answers = findPath(
          outcome,
          { allOf: [p.showIf ?? always, { anyOf: offered }] },
          (_a, end) => service !== undefined && shows(p, service, end.knowledge),
        )
        const shown = answers ? plan(outcome, answers, ENUMERATION_DAY).steps.flatMap(servicesIn) : []
        expect(shown.map((s) => s.service.id)).toContain(p.service)
        shownServices.add(p.service)
      }
    }
    expect([...askedQuestions].sort()).toEqual(outcome.questions.map((q) => q.id).sort())
    expect([...shownServices].sort()).toEqual(outcome.services.map((p) => p.service).sort())
  })
})

it('the child support outcome is larger than 20,000 combinations, so it is tested pairwise', () => {
  expect(spaceOf(outcomeById('child-support'))).toBeGreaterThan(LIMIT)
  expect(CATALOGUE.outcomes).toHaveLength(4)
})

it('tries every pair of ages, at the death and now, that the bereavement plan reads', () => {
  // Under State Pension age at the death (16 months before the enumeration day) and over it now,
  // for Bereavement Support Payment and State Pension inheritance together, and the others. The
  // date of birth settles State Pension age to the day, so nothing is left unknown.
  const pairs = new Set(
    answerSets(outcomeById('bereavement')).flatMap((answers) => {
      const { facts, unknown } = walk(outcomeById('bereavement'), answers, ENUMERATION_DAY).knowledge
      if (!answers['date-of-birth']) return []
      const state = (fact: string) => (facts.has(fact) ? 'yes' : unknown.has(fact) ? 'unknown' : 'no')
      return [`now ${state('over-state-pension-age')}, then ${state('over-state-pension-age-at-death')}`]
    }),
  )
  expect([...pairs].sort()).toEqual(['now no, then no', 'now yes, then no', 'now yes, then yes'])
})

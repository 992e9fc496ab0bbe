import type { Catalogue, Outcome, Question, Service } from '../catalogue/types'
import type { Truth } from '../rules/evaluate'
import { factsIn } from '../rules/evaluate'
import { reportableTruths } from '../rules/explain'
import { nationPrefixes, offeredEverywhere } from './plan'
import { explainedRules } from './placement-rules'
import { choicesOf } from './age'

/**
 * Where each piece of catalogue copy lives. Views read these keys and validation checks
 * that every one exists in English and Welsh, so the two can never drift apart. Each
 * outcome's copy is one file (app/locales/<lang>/catalogue/outcomes/<id>.json), each
 * service's another (…/catalogue/services/<id>.json), each provider's a third.
 */
export const keys = {
  outcome: (o: string) => ({
    title: `catalogue.outcomes.${o}.title`,
    description: `catalogue.outcomes.${o}.description`,
    keywords: `catalogue.outcomes.${o}.keywords`,
  }),
  step: (o: string, step: string) => `catalogue.outcomes.${o}.steps.${step}`,
  question: (o: string, q: string) => ({
    title: `catalogue.outcomes.${o}.questions.${q}.title`,
    hint: `catalogue.outcomes.${o}.questions.${q}.hint`,
    error: `catalogue.outcomes.${o}.questions.${q}.error`,
  }),
  dateErrors: (o: string, q: string) => ({
    invalid: `catalogue.outcomes.${o}.questions.${q}.errorInvalid`,
    future: `catalogue.outcomes.${o}.questions.${q}.errorFuture`,
    /** A date of birth banded at an event (`alsoAt`) given as that day or later: born after the death. */
    afterEvent: `catalogue.outcomes.${o}.questions.${q}.errorAfterEvent`,
  }),
  /** Yes/no questions share their labels; other choices have their own. */
  option: (o: string, question: Question, value: string) =>
    question.kind === 'yes-no'
      ? `triage.yesNo.${value}`
      : `catalogue.outcomes.${o}.questions.${question.id}.options.${value}`,
  /**
   * A fact in plain words: `yes` when it holds ("You are under State Pension age"), `no` when
   * it does not ("You are not under State Pension age"), `unknown` when an "I'm not sure"
   * left it open ("if you are under State Pension age").
   */
  fact: (o: string, fact: string, truth: Truth) => `catalogue.outcomes.${o}.facts.${fact}.${truth}`,
  note: (o: string, note: string) => `catalogue.outcomes.${o}.notes.${note}`,
  choice: (o: string, choice: string) => ({
    title: `catalogue.outcomes.${o}.choices.${choice}.title`,
    option: (service: string) => `catalogue.outcomes.${o}.choices.${choice}.options.${service}`,
  }),
  /** A service's copy; a variant may override any of it under `variants.<variant>.<key>`. */
  service: (s: string) => ({
    name: `catalogue.services.${s}.name`,
    gives: `catalogue.services.${s}.gives`,
    cost: `catalogue.services.${s}.cost`,
    time: `catalogue.services.${s}.time`,
  }),
  variant: (s: string, variant: string, key: string) => `catalogue.services.${s}.variants.${variant}.${key}`,
  unavailable: (s: string) => `catalogue.services.${s}.unavailable`,
  excludes: (s: string, other: string) => `catalogue.services.${s}.excludes.${other}`,
  provider: (p: string) => `catalogue.providers.${p}.name`,
}

function questionKeys(outcome: Outcome, question: Question): string[] {
  const list = Object.values(keys.question(outcome.id, question.id))
  if (question.kind === 'date') {
    const { afterEvent, ...always } = keys.dateErrors(outcome.id, question.id)
    list.push(...Object.values(always), ...(question.alsoAt ? [afterEvent] : []))
  } else list.push(...question.options.map((option) => keys.option(outcome.id, question, option.value)))
  return list
}

/** Facts some answer or derivation sets (a fact nothing sets is reported as such, not as missing copy). */
export function factsSet(outcome: Outcome): Set<string> {
  const set = new Set<string>(outcome.derived.map((d) => d.fact))
  for (const q of outcome.questions)
    for (const o of choicesOf(q)) for (const f of [...(o.sets ?? []), ...(o.unsure ?? [])]) set.add(f)
  return set
}

/** Facts an "I'm not sure" can leave open: set as `unsure`, or derived from one that is. */
export function openFacts(outcome: Outcome): Set<string> {
  const open = new Set<string>()
  for (const q of outcome.questions) for (const o of choicesOf(q)) for (const f of o.unsure ?? []) open.add(f)
  // A derivation may come before the one it reads, so repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false
    for (const d of outcome.derived) {
      if (!open.has(d.fact) && [...factsIn(d.when)].some((f) => open.has(f))) {
        open.add(d.fact)
        changed = true
      }
    }
  }
  return open
}

/**
 * The sentences an outcome's plan can use to explain a service: each truth a placement's rule
 * can give one of its facts when the plan explains it ("no" for a fact a `mayIf` needs only
 * if it is negated there, since a `mayIf` is explained only when it may hold).
 */
export function factKeys(outcome: Outcome, catalogue: Catalogue): { key: string; item: string }[] {
  const open = openFacts(outcome)
  const set = factsSet(outcome)
  const truths = new Map<string, Set<Truth>>()
  for (const p of outcome.services)
    for (const { rule, when } of explainedRules(p)) reportableTruths(rule, when, open, truths)
  const required = [...truths]
    .filter(([fact]) => set.has(fact))
    .flatMap(([fact, shown]) => {
      const item = `fact "${outcome.id}/${fact}"`
      return [...shown].map((truth) => ({ key: keys.fact(outcome.id, fact, truth), item }))
    })
  // A service offered only in some nations gives the nation as a reason: "You will work in Wales".
  for (const p of outcome.services) {
    const service = catalogue.services[p.service]
    if (!service || offeredEverywhere(service)) continue
    for (const variant of Object.values(service.variants))
      for (const nation of variant.nations)
        for (const prefix of nationPrefixes(p)) {
          const fact = `${prefix}:${nation}`
          const key = keys.fact(outcome.id, fact, 'yes')
          if (!required.some((r) => r.key === key)) required.push({ key, item: `fact "${outcome.id}/${fact}"` })
        }
  }
  return required
}

const serviceKeys = (service: Service) => [
  ...Object.values(keys.service(service.id)),
  ...Object.values(service.variants).map((v) => keys.provider(v.provider)),
  ...(service.unavailable?.length ? [keys.unavailable(service.id)] : []),
  ...(service.excludes ?? []).map((other) => keys.excludes(service.id, other)),
]

/** Every copy key the catalogue needs, each with the item that needs it (for error messages). */
export function requiredCopy(catalogue: Catalogue): { key: string; item: string }[] {
  const required: { key: string; item: string }[] = []
  for (const outcome of catalogue.outcomes) {
    const item = `outcome "${outcome.id}"`
    for (const key of Object.values(keys.outcome(outcome.id))) required.push({ key, item })
    for (const step of outcome.steps)
      required.push({ key: keys.step(outcome.id, step), item: `${item} step "${step}"` })
    for (const question of outcome.questions) {
      for (const key of questionKeys(outcome, question))
        required.push({ key, item: `question "${outcome.id}/${question.id}"` })
    }
    required.push(...factKeys(outcome, catalogue))
    for (const p of outcome.services)
      for (const note of p.notes ?? [])
        required.push({ key: keys.note(outcome.id, note.id), item: `note "${outcome.id}/${note.id}"` })
    for (const choice of outcome.choices) {
      const k = keys.choice(outcome.id, choice.id)
      const choiceItem = `choice "${outcome.id}/${choice.id}"`
      required.push(
        { key: k.title, item: choiceItem },
        ...choice.services.map((s) => ({ key: k.option(s), item: choiceItem })),
      )
    }
  }
  for (const service of Object.values(catalogue.services)) {
    for (const key of serviceKeys(service)) required.push({ key, item: `service "${service.id}"` })
  }
  return required
}

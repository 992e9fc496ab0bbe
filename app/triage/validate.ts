import { catalogueSchema, NATIONS } from '../catalogue/schema'
import { CatalogueError } from '../catalogue/errors'
import { factsSet, requiredCopy } from './copy-keys'
import { bandsHoldingNoDate } from './age'
import { ENUMERATION_DAY, forEachPath, orderTowards } from './enumerate'
import { factsIn } from '../rules/evaluate'
import { checkServices } from './validate-services'
import type { Answers, Catalogue, Outcome, Rule } from '../catalogue/types'
import { nationPrefixes, shows } from './plan'
import { placementRules } from './placement-rules'

export { CatalogueError }

/** Copy looked up by key, per language: the loaded locale files, or a fixture in tests. */
export type CopyLookup = Readonly<Record<string, { has(key: string): boolean }>>

/** Paths a reachability search may try before it calls an item unreachable. */
const SEARCH_BUDGET = 50_000

function rulesOf(outcome: Outcome): { rule: Rule; item: string }[] {
  const rules: { rule: Rule | undefined; item: string }[] = []
  for (const q of outcome.questions) {
    rules.push({ rule: q.askIf, item: `question "${outcome.id}/${q.id}"` })
    if (q.kind !== 'date')
      for (const o of q.options) rules.push({ rule: o.askIf, item: `option "${outcome.id}/${q.id}/${o.value}"` })
  }
  for (const d of outcome.derived) rules.push({ rule: d.when, item: `derived fact "${outcome.id}/${d.fact}"` })
  for (const p of outcome.services) {
    const item = `service "${outcome.id}/${p.service}"`
    for (const rule of placementRules(p)) rules.push({ rule, item })
    for (const note of p.notes ?? []) rules.push({ rule: note.when, item: `note "${outcome.id}/${note.id}"` })
  }
  return rules.flatMap(({ rule, item }) => (rule ? [{ rule, item }] : []))
}

/** A path of answers that makes `holds` true, trying the likeliest answers first; undefined if none. */
export function findPath(
  outcome: Outcome,
  towards: Rule,
  holds: Parameters<typeof forEachPath>[1],
): Answers | undefined {
  let tried = 0
  let found: Answers | undefined
  forEachPath(
    outcome,
    (answers, end) => {
      if (holds(answers, end)) found = answers
      return !found && ++tried < SEARCH_BUDGET
    },
    { order: orderTowards(outcome, towards) },
  )
  return found
}

const reachable = (...args: Parameters<typeof findPath>) => findPath(...args) !== undefined

function checkOutcome(outcome: Outcome, catalogue: Catalogue): string[] {
  const problems: string[] = []
  const set = factsSet(outcome)
  for (const { rule, item } of rulesOf(outcome)) {
    for (const f of factsIn(rule))
      if (!set.has(f)) problems.push(`${item} refers to fact "${f}", which no answer or derivation sets`)
  }
  // Derivations run once, in file order (walk.ts, withDerived): one that reads a fact derived
  // further down would silently read "no".
  const derivedAt = new Map(outcome.derived.map((d, i) => [d.fact, i]))
  outcome.derived.forEach((d, i) => {
    for (const f of factsIn(d.when))
      if ((derivedAt.get(f) ?? -1) >= i)
        problems.push(`derived fact "${outcome.id}/${d.fact}" reads "${f}", which is derived after it: move it below`)
  })
  const seen = new Set<string>()
  const dated = new Set<string>()
  for (const q of outcome.questions) {
    if (seen.has(q.id)) problems.push(`question "${outcome.id}/${q.id}" is defined twice`)
    seen.add(q.id)
    // Banded at an event no earlier question dates, the age would silently be today's.
    if (q.kind === 'date' && q.alsoAt && !dated.has(q.alsoAt.event))
      problems.push(
        `question "${outcome.id}/${q.id}" is banded at "${q.alsoAt.event}", which no earlier question dates`,
      )
    if (q.kind === 'date' && q.event) dated.add(q.event)
    if (q.kind === 'date')
      for (const band of bandsHoldingNoDate(q, ENUMERATION_DAY))
        problems.push(
          `question "${outcome.id}/${q.id}" has band "${band}", which holds no date: put shorter limits first`,
        )
  }
  const placed = new Map(outcome.services.map((p) => [p.service, p]))
  for (const p of outcome.services) {
    const item = `service "${outcome.id}/${p.service}"`
    const service = catalogue.services[p.service]
    if (!service) problems.push(`${item} is not in the service list`)
    else
      for (const note of p.notes ?? [])
        for (const v of note.variants ?? [])
          if (!Object.hasOwn(service.variants, v))
            problems.push(`note "${outcome.id}/${note.id}" names variant "${v}", which ${item} does not have`)
    if (!outcome.steps.includes(p.step)) problems.push(`${item} is in unknown step "${p.step}"`)
    if (outcome.services.filter((o) => o.service === p.service).length > 1 && placed.get(p.service) === p)
      problems.push(`${item} is placed twice`)
    for (const prefix of nationPrefixes(p))
      if (!NATIONS.some((n) => set.has(`${prefix}:${n}`)))
        problems.push(`${item} takes its nation from "${prefix}", but no answer sets "${prefix}:<nation>"`)
  }
  for (const choice of outcome.choices) {
    const item = `choice "${outcome.id}/${choice.id}"`
    for (const id of choice.services)
      if (!placed.has(id)) problems.push(`${item} names "${id}", which the outcome does not place`)
    const steps = new Set(choice.services.flatMap((id) => placed.get(id)?.step ?? []))
    if (steps.size > 1) problems.push(`${item} mixes steps (${[...steps].join(', ')}): alternatives belong in one step`)
    const elsewhere = outcome.choices.find((c) => c !== choice && c.services.some((id) => choice.services.includes(id)))
    if (elsewhere) problems.push(`${item} shares a service with choice "${elsewhere.id}"`)
  }
  for (const step of outcome.steps) {
    if (!outcome.services.some((p) => p.step === step)) problems.push(`step "${outcome.id}/${step}" has no services`)
  }
  if (problems.length > 0) return problems // reachability means little over broken references
  for (const q of outcome.questions) {
    if (!q.askIf) continue
    // By id: a question whose options have their own askIf is answered as a narrowed copy.
    if (!reachable(outcome, q.askIf, (_a, end) => end.answered.some((a) => a.id === q.id))) {
      problems.push(`question "${outcome.id}/${q.id}" is unreachable: no answers lead to it`)
    }
  }
  for (const p of outcome.services) {
    const service = catalogue.services[p.service]
    if (!service) continue
    // Steer the search to the nations the service is offered in as well as to its rule.
    const prefixes = nationPrefixes(p)
    const offered = Object.values(service.variants).flatMap((v) =>
      v.nations.flatMap((n) => prefixes.map((prefix) => ({ fact: `${prefix}:${n}` }))),
    )
    const towards = { allOf: [p.showIf ?? { allOf: [] }, { anyOf: offered }] }
    if (!reachable(outcome, towards, (_a, end) => shows(p, service, end.knowledge))) {
      problems.push(`service "${outcome.id}/${p.service}" is unreachable: no answers show it`)
    }
  }
  return problems
}

/**
 * Everything that makes a catalogue unusable, as sentences naming the item: a wrong shape,
 * a fact nothing sets, an unknown service, a question or service no answers reach, a
 * provider or copy key missing in English or Welsh. Empty when the catalogue is sound.
 */
export function validateCatalogue(input: unknown, copy: CopyLookup): string[] {
  const parsed = catalogueSchema.safeParse(input)
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `catalogue.${issue.path.join('.')}: ${issue.message}`)
  }
  const catalogue = parsed.data as Catalogue
  const problems: string[] = checkServices(catalogue)
  for (const outcome of catalogue.outcomes) problems.push(...checkOutcome(outcome, catalogue))
  for (const [lang, messages] of Object.entries(copy)) {
    for (const { key, item } of requiredCopy(catalogue)) {
      if (!messages.has(key)) problems.push(`${item} has no ${lang} copy for "${key}"`)
    }
  }
  return problems
}

/** Called at start-up: the portal must not serve a catalogue that can mislead a citizen. */
export function assertValidCatalogue(input: unknown, copy: CopyLookup): void {
  const problems = validateCatalogue(input, copy)
  if (problems.length > 0) throw new CatalogueError(problems)
}

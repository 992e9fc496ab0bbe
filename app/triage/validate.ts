import { catalogueSchema } from '../catalogue/schema'
import { requiredCopy } from './copy-keys'
import { forEachPath, orderTowards } from './enumerate'
import { evaluate, factsIn } from '../rules/evaluate'
import type { Answers, Catalogue, Fact, Outcome, Rule } from '../catalogue/types'

/** Thrown at start-up: the message names every broken item so the fix is obvious. */
export class CatalogueError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The triage catalogue is broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** Copy looked up by key, per language: the loaded locale files, or a fixture in tests. */
export type CopyLookup = Readonly<Record<string, { has(key: string): boolean }>>

/** Paths a reachability search may try before it calls an item unreachable. */
const SEARCH_BUDGET = 50_000

function factsSetIn(outcome: Outcome): Set<Fact> {
  const set = new Set<Fact>(outcome.derived.map((d) => d.fact))
  for (const question of outcome.questions) {
    for (const option of question.kind === 'date' ? question.bands : question.options) {
      for (const f of [...(option.sets ?? []), ...(option.unsure ?? [])]) set.add(f)
    }
  }
  return set
}

function rulesOf(outcome: Outcome): { rule: Rule; item: string }[] {
  return [
    ...outcome.questions.flatMap((q) => (q.askIf ? [{ rule: q.askIf, item: `question "${outcome.id}/${q.id}"` }] : [])),
    ...outcome.derived.map((d) => ({ rule: d.when, item: `derived fact "${outcome.id}/${d.fact}"` })),
    ...outcome.services.map((p) => ({ rule: p.showIf, item: `service "${outcome.id}/${p.service}"` })),
  ]
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
  const set = factsSetIn(outcome)
  for (const { rule, item } of rulesOf(outcome)) {
    for (const f of factsIn(rule))
      if (!set.has(f)) problems.push(`${item} refers to fact "${f}", which no answer or derivation sets`)
  }
  const seen = new Set<string>()
  for (const q of outcome.questions) {
    if (seen.has(q.id)) problems.push(`question "${outcome.id}/${q.id}" is defined twice`)
    seen.add(q.id)
  }
  for (const p of outcome.services) {
    if (!catalogue.services[p.service]) problems.push(`service "${outcome.id}/${p.service}" is not in the service list`)
    if (!outcome.steps.includes(p.step))
      problems.push(`service "${outcome.id}/${p.service}" is in unknown step "${p.step}"`)
  }
  for (const step of outcome.steps) {
    if (!outcome.services.some((p) => p.step === step)) problems.push(`step "${outcome.id}/${step}" has no services`)
  }
  if (problems.length > 0) return problems // reachability means little over broken references
  for (const q of outcome.questions) {
    if (!q.askIf) continue
    if (!reachable(outcome, q.askIf, (_a, end) => end.answered.includes(q))) {
      problems.push(`question "${outcome.id}/${q.id}" is unreachable: no answers lead to it`)
    }
  }
  for (const p of outcome.services) {
    if (!reachable(outcome, p.showIf, (_a, end) => evaluate(p.showIf, end.knowledge) !== 'no')) {
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
  const problems: string[] = []
  for (const service of Object.values(catalogue.services)) {
    if (!catalogue.providers.includes(service.provider)) {
      problems.push(`service "${service.id}" names unknown provider "${service.provider}"`)
    }
  }
  for (const outcome of catalogue.outcomes) problems.push(...checkOutcome(outcome, catalogue))
  const placed = new Set(catalogue.outcomes.flatMap((o) => o.services.map((p) => p.service)))
  for (const id of Object.keys(catalogue.services))
    if (!placed.has(id)) problems.push(`service "${id}" is in no outcome`)
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

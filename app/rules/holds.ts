import { evaluate, factsIn as triageFactsIn } from './evaluate'
import { ruleSchema } from '../catalogue/schema'
import type { Rule } from '../catalogue/types'

/**
 * Applications use the triage's rule model and evaluator: `{ fact }`, `{ allOf }`, `{ anyOf }`,
 * `{ not }`. An application's own answers are always known, so the triage's "unknown"
 * third value never arises here and a page applies only when its rule is plainly true.
 */
export type { Rule }
export { ruleSchema }

export function holds(rule: Rule, facts: ReadonlySet<string>): boolean {
  return evaluate(rule, { facts, unknown: new Set() }) === 'yes'
}

export function factsIn(rule: Rule): string[] {
  return [...triageFactsIn(rule)]
}

/** The fact an answer sets: `<field-id-in-kebab-case>:<value>` (facts are lower case, as in the triage). */
export function factFor(fieldId: string, value: string): string {
  return `${fieldId.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`
}

import type { Fact, Rule } from '../catalogue/types'

export type Truth = 'yes' | 'no' | 'unknown'

/** What is known: facts that hold, and facts an "I'm not sure" answer left open. */
export interface Knowledge {
  readonly facts: ReadonlySet<Fact>
  readonly unknown: ReadonlySet<Fact>
}

/**
 * Kleene three-valued logic, so that "I'm not sure" never turns into "you are not eligible":
 * a rule that depends on an unknown fact is itself unknown unless the known facts decide it.
 */
export function evaluate(rule: Rule, k: Knowledge): Truth {
  if ('fact' in rule) return k.facts.has(rule.fact) ? 'yes' : k.unknown.has(rule.fact) ? 'unknown' : 'no'
  if ('not' in rule) {
    const inner = evaluate(rule.not, k)
    return inner === 'yes' ? 'no' : inner === 'no' ? 'yes' : 'unknown'
  }
  if ('allOf' in rule) {
    let result: Truth = 'yes'
    for (const part of rule.allOf) {
      const value = evaluate(part, k)
      if (value === 'no') return 'no'
      if (value === 'unknown') result = 'unknown'
    }
    return result
  }
  let result: Truth = 'no'
  for (const part of rule.anyOf) {
    const value = evaluate(part, k)
    if (value === 'yes') return 'yes'
    if (value === 'unknown') result = 'unknown'
  }
  return result
}

/** Every fact a rule mentions, for validation and the journey map. */
export function factsIn(rule: Rule, into: Set<Fact> = new Set()): Set<Fact> {
  if ('fact' in rule) into.add(rule.fact)
  else if ('not' in rule) factsIn(rule.not, into)
  else for (const part of 'allOf' in rule ? rule.allOf : rule.anyOf) factsIn(part, into)
  return into
}

/**
 * The positive facts that make a rule hold (or possibly hold), so the plan can quote the
 * answers behind them. Negations explain nothing a citizen said, so they add no fact.
 */
export function support(rule: Rule, k: Knowledge, into: Set<Fact> = new Set()): Set<Fact> {
  if ('fact' in rule) {
    if (k.facts.has(rule.fact) || k.unknown.has(rule.fact)) into.add(rule.fact)
  } else if ('allOf' in rule) {
    for (const part of rule.allOf) support(part, k, into)
  } else if ('anyOf' in rule) {
    const first =
      rule.anyOf.find((part) => evaluate(part, k) === 'yes') ??
      rule.anyOf.find((part) => evaluate(part, k) === 'unknown')
    if (first) support(first, k, into)
  }
  return into
}

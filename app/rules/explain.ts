import type { Fact, Rule } from '../catalogue/rule'
import { evaluate, type Knowledge, type Truth } from './evaluate'

/** One fact that decides a rule, and whether it holds: a plain-words sentence once translated. */
export interface Decider {
  fact: Fact
  truth: Truth
}

/**
 * The facts that decide a rule's value, so the plan can say why in plain words — negatives
 * included: "you are under State Pension age" and "you are not in full-time education".
 * A rule that holds is explained by everything it needed (the first branch that holds, for
 * `anyOf`); one that fails only by the parts that failed — the near miss, what would have to
 * change; an unknown one by what it needs that is not ruled out. Facts, derived ones too,
 * are the words: each has its own sentences, so a derived fact names a condition once.
 */
export function deciders(rule: Rule, k: Knowledge, into: Decider[] = []): Decider[] {
  if ('fact' in rule) {
    if (!into.some((d) => d.fact === rule.fact)) into.push({ fact: rule.fact, truth: evaluate(rule, k) })
    return into
  }
  if ('not' in rule) return deciders(rule.not, k, into)
  const truth = evaluate(rule, k)
  const parts = 'allOf' in rule ? rule.allOf : rule.anyOf
  const all = 'allOf' in rule
  let chosen: readonly Rule[]
  if (truth === 'no') chosen = all ? parts.filter((p) => evaluate(p, k) === 'no') : parts
  else if (truth === 'yes') chosen = all ? parts : parts.filter((p) => evaluate(p, k) === 'yes').slice(0, 1)
  else chosen = parts.filter((p) => evaluate(p, k) !== 'no')
  for (const part of chosen) deciders(part, k, into)
  return into
}

import type { Fact, Rule } from '../catalogue/rule'
import { evaluate, factsIn, type Knowledge, type Truth } from './evaluate'

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
 *
 * `every` gives every branch of a holding `anyOf` instead of the first: a "may" is explained
 * by each thing that leaves it open (a death abroad and the time since it), not only by one,
 * since the citizen has to check each of them.
 */
export function deciders(rule: Rule, k: Knowledge, into: Decider[] = [], every = false): Decider[] {
  if ('fact' in rule) {
    if (!into.some((d) => d.fact === rule.fact)) into.push({ fact: rule.fact, truth: evaluate(rule, k) })
    return into
  }
  if ('not' in rule) return deciders(rule.not, k, into, every)
  const truth = evaluate(rule, k)
  const parts = 'allOf' in rule ? rule.allOf : rule.anyOf
  const all = 'allOf' in rule
  let chosen: readonly Rule[]
  if (truth === 'no') chosen = all ? parts.filter((p) => evaluate(p, k) === 'no') : parts
  else if (truth === 'yes')
    chosen = all ? parts : parts.filter((p) => evaluate(p, k) === 'yes').slice(0, every ? undefined : 1)
  else chosen = parts.filter((p) => evaluate(p, k) !== 'no')
  for (const part of chosen) deciders(part, k, into, every)
  return into
}

const FLIP: Record<Truth, Truth> = { yes: 'no', no: 'yes', unknown: 'unknown' }

/**
 * Every truth `deciders` can give each fact of a rule that is explained only when it comes out
 * as one of `values`, so that copy is required for the sentences a plan can show and no
 * others: a `mayIf` is explained only when it holds or may hold, so a fact it needs is never
 * said not to hold. `open` holds the facts an "I'm not sure" can leave unknown; a rule without
 * one is never unknown. Follows `deciders`: a part of a rule that holds or fails has the same
 * value, a part of an unknown one holds or is unknown, and `not` swaps holding and failing.
 */
export function reportableTruths(
  rule: Rule,
  values: readonly Truth[],
  open: ReadonlySet<Fact>,
  into: Map<Fact, Set<Truth>> = new Map(),
): Map<Fact, Set<Truth>> {
  const possible = values.filter((v) => v !== 'unknown' || [...factsIn(rule)].some((f) => open.has(f)))
  if ('fact' in rule) {
    const truths = into.get(rule.fact) ?? new Set<Truth>()
    for (const v of possible) truths.add(v)
    into.set(rule.fact, truths)
  } else if ('not' in rule) {
    const flipped = possible.map((v) => FLIP[v])
    reportableTruths(rule.not, flipped, open, into)
  } else {
    const forParts: Truth[] = possible.includes('unknown') ? [...new Set<Truth>([...possible, 'yes'])] : possible
    for (const part of 'allOf' in rule ? rule.allOf : rule.anyOf) reportableTruths(part, forParts, open, into)
  }
  return into
}

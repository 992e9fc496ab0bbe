import { z } from 'zod'

/**
 * The rule model shared with triage: `{ fact }`, `{ allOf }`, `{ anyOf }`, `{ not }`.
 * app/triage/rules was not on main when this engine was written, so this small evaluator
 * lives here; it is pure and total, so swapping in the triage one later changes nothing.
 */
export type Rule = { fact: string } | { allOf: readonly Rule[] } | { anyOf: readonly Rule[] } | { not: Rule }

export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.object({ fact: z.string().min(1) }).strict(),
    z.object({ allOf: z.array(ruleSchema).min(1) }).strict(),
    z.object({ anyOf: z.array(ruleSchema).min(1) }).strict(),
    z.object({ not: ruleSchema }).strict(),
  ]),
)

export function holds(rule: Rule, facts: ReadonlySet<string>): boolean {
  if ('fact' in rule) return facts.has(rule.fact)
  if ('allOf' in rule) return rule.allOf.every((r) => holds(r, facts))
  if ('anyOf' in rule) return rule.anyOf.some((r) => holds(r, facts))
  return !holds(rule.not, facts)
}

/** Every fact a rule mentions, so start-up validation can check something sets each one. */
export function factsIn(rule: Rule): string[] {
  if ('fact' in rule) return [rule.fact]
  if ('allOf' in rule) return rule.allOf.flatMap(factsIn)
  if ('anyOf' in rule) return rule.anyOf.flatMap(factsIn)
  return factsIn(rule.not)
}

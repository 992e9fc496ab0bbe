import type { Placement, Rule } from '../catalogue/types'
import type { Truth } from '../rules/evaluate'

/** The fields of a service placement that hold a rule, whatever their meaning. */
type RuleField = { [K in keyof Placement]-?: NonNullable<Placement[K]> extends Rule ? K : never }[keyof Placement]

const RULE_FIELDS = ['showIf', 'heldIf', 'mayIf', 'leftOutIf'] as const satisfies readonly RuleField[]

// Fails to compile when the schema gains a rule field not listed above, so a new rule cannot
// escape the checks that read this list (copy for its facts, reachability).
const everyField: Exclude<RuleField, (typeof RULE_FIELDS)[number]> extends never ? true : never = true
void everyField

/** Every rule that decides whether and how a service is placed in a plan, in no particular order. */
export function placementRules(p: Placement): Rule[] {
  return explainedRules(p).map((r) => r.rule)
}

/**
 * The values at which the plan explains each rule (see `consider` in plan.ts): `showIf` both
 * when a service is shown and when it is left out; `leftOutIf` only when it holds; `heldIf`
 * when the citizen has the service or may have it; `mayIf` only when it makes a service "may".
 */
const EXPLAINED_WHEN: Record<(typeof RULE_FIELDS)[number], readonly Truth[]> = {
  showIf: ['yes', 'no', 'unknown'],
  leftOutIf: ['yes'],
  heldIf: ['yes', 'unknown'],
  mayIf: ['yes', 'unknown'],
}

/** Each rule of a placement with the values at which a plan explains it by its facts. */
export function explainedRules(p: Placement): { rule: Rule; when: readonly Truth[] }[] {
  const rules: { rule: Rule; when: readonly Truth[] }[] = []
  for (const field of RULE_FIELDS) {
    const rule = p[field]
    if (rule) rules.push({ rule, when: EXPLAINED_WHEN[field] })
  }
  return rules
}

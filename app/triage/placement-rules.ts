import type { Placement, Rule } from '../catalogue/types'

/** The fields of a service placement that hold a rule, whatever their meaning. */
type RuleField = { [K in keyof Placement]-?: NonNullable<Placement[K]> extends Rule ? K : never }[keyof Placement]

const RULE_FIELDS = ['showIf', 'heldIf', 'mayIf', 'leftOutIf'] as const satisfies readonly RuleField[]

// Fails to compile when the schema gains a rule field not listed above, so a new rule cannot
// escape the checks that read this list (copy for its facts, reachability).
const everyField: Exclude<RuleField, (typeof RULE_FIELDS)[number]> extends never ? true : never = true
void everyField

/** Every rule that decides whether and how a service is placed in a plan, in no particular order. */
export function placementRules(p: Placement): Rule[] {
  const rules: Rule[] = []
  for (const field of RULE_FIELDS) {
    const rule = p[field]
    if (rule) rules.push(rule)
  }
  return rules
}

import { exemptions, type Exemption } from '../../../app/a11y/exemptions'

/**
 * Whether a finding of `ruleId` on `stateId` is a listed, accepted known issue
 * (app/a11y/exemptions.ts, which the accessibility statement lists): how the walker applies
 * the list. A state pattern with a trailing `*` matches a prefix.
 */
export function isExempt(ruleId: string, stateId: string, list: readonly Exemption[] = exemptions): boolean {
  return list.some(
    (e) =>
      e.ruleId === ruleId &&
      (!e.states || e.states.some((s) => (s.endsWith('*') ? stateId.startsWith(s.slice(0, -1)) : s === stateId))),
  )
}

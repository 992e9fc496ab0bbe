import { exemptions, type Exemption } from './exemptions'

/**
 * The dates the accessibility statement must give. Update `reviewed` and `tested` when the
 * statement is reviewed and a full test (automated walker plus manual checks) is run.
 */
export const STATEMENT_DATES = {
  prepared: '2026-11-25',
  reviewed: '2026-11-25',
  tested: '2026-11-25',
} as const

export interface KnownIssue {
  reason: string
  criterion: string
  fixBy: string
}

/** The statement's known issues: exactly the exemptions file, in the reader's language. */
export function knownIssues(locale: 'en' | 'cy', list: readonly Exemption[] = exemptions): KnownIssue[] {
  return list.map((e) => ({ reason: e.reason[locale], criterion: e.wcag, fixBy: e.fixBy }))
}

import { z } from 'zod'

/**
 * Known accessibility failures the automated checks are told to accept, each with why, the
 * WCAG success criterion it fails and the date it will be fixed by. The accessibility
 * statement lists every entry as a known issue, so an exemption can never hide a problem
 * from citizens: adding one here is a public admission, not a way to make a test pass.
 * Empty means the walker accepts no violation at all.
 */
const exemptionSchema = z.object({
  /** axe-core rule id, html-validate rule id, or a walker check id (`one-h1`, `reflow`...). */
  ruleId: z.string().min(1),
  /** State ids it applies to; a trailing `*` matches a prefix. Omit for every state. */
  states: z.array(z.string().min(1)).optional(),
  reason: z.object({ en: z.string().min(1), cy: z.string().min(1) }),
  /** The WCAG 2.2 success criterion, for example `4.1.2 Name, Role, Value`. */
  wcag: z.string().regex(/^\d\.\d\.\d+ /),
  /** ISO date (YYYY-MM-DD) by which it will be fixed. */
  fixBy: z.iso.date(),
})

export type Exemption = z.infer<typeof exemptionSchema>

export const exemptions: readonly Exemption[] = z.array(exemptionSchema).parse([])

import type { Migration } from './migration'
import { sessions } from './001-sessions'
import { applications } from './010-applications'
import { outboxLease } from './030-outbox-lease'
import { staffAccounts } from './020-staff-accounts'
import { auditEvents } from './021-audit-events'
import { auditAppendOnly } from './022-audit-append-only'
import { draftOwnership } from './040-draft-ownership'
import { auditRetention } from './041-audit-retention'
import { handedOver } from './042-handed-over'
import { insightCounts } from './050-insight-counts'
import { staffLifecycle } from './060-staff-lifecycle'
import { feedback } from './051-feedback'
import { staffSignInSources } from './061-staff-sign-in-sources'
import { staffCases } from './085-staff-cases'
import { keptPlans } from './070-kept-plans'
import { staffTwoFactor } from './080-staff-two-factor'
import { deadlineReminders } from './075-deadline-reminders'
import { staffPasswordChange } from './081-staff-password-change'

export type { Migration }

/**
 * Every area adds its own numbered file and appends it here, so the order of this list is
 * the order of history. Never reorder or edit a shipped entry; add a new one.
 */
export const migrations: readonly Migration[] = [
  sessions,
  staffAccounts,
  auditEvents,
  auditAppendOnly,
  applications,
  outboxLease,
  draftOwnership,
  auditRetention,
  handedOver,
  insightCounts,
  staffLifecycle,
  feedback,
  staffSignInSources,
  staffCases,
  keptPlans,
  staffTwoFactor,
  deadlineReminders,
  staffPasswordChange,
]

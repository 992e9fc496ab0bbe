import type { Migration } from './migration'

/**
 * Staff account lifecycle. `disabled_at` refuses sign-in and ends open sessions on their next
 * request. `session_epoch` is counted up by "sign out everywhere" (and by a disable or a
 * password reset): each staff session remembers the epoch it was signed in under and ends
 * when the account's has moved on. A counter, not a time, so two events in the same
 * millisecond cannot be confused.
 */
export const staffLifecycle: Migration = {
  id: '060-staff-lifecycle',
  sql: [
    'ALTER TABLE staff_accounts ADD COLUMN disabled_at TEXT',
    'ALTER TABLE staff_accounts ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0',
  ],
}

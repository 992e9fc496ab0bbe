import type { Migration } from './migration'

/**
 * Where each member of staff has signed in successfully lately, so sign-in throttling can
 * tell their usual address from a stranger's (app/staff/sign-in-throttle.ts). `source` is a
 * keyed hash of the address (SESSION_SECRET), never the address itself.
 */
export const staffSignInSources: Migration = {
  id: '061-staff-sign-in-sources',
  sql: [
    `CREATE TABLE staff_sign_in_sources (
      account_id TEXT NOT NULL,
      source TEXT NOT NULL,
      last_success_at TEXT NOT NULL,
      PRIMARY KEY (account_id, source)
    )`,
  ],
}

import type { Migration } from './migration'

/**
 * Staff accounts for assisted digital. Emails are stored lower-cased, so UNIQUE holds
 * regardless of how someone typed theirs. The role is checked by the app against
 * `adviser | auditor | admin`; the hash string carries its own salt and scrypt parameters.
 */
export const staffAccounts: Migration = {
  id: '020-staff-accounts',
  sql: [
    `CREATE TABLE staff_accounts (
      id TEXT PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
  ],
}

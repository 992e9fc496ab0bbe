import type { Migration } from './migration'

/**
 * Two-factor sign-in for staff (app/staff/two-factor.ts). `totp_secret` is the account's
 * authenticator secret, encrypted (app/staff/secret-box.ts); NULL means not set up yet, and
 * the next sign-in sets it up. `totp_last_step` is the time step of the last code accepted,
 * so no code works twice. Recovery codes are kept as hashes, each spent once (`used_at`).
 */
export const staffTwoFactor: Migration = {
  id: '080-staff-two-factor',
  sql: [
    'ALTER TABLE staff_accounts ADD COLUMN totp_secret TEXT',
    'ALTER TABLE staff_accounts ADD COLUMN totp_last_step INTEGER',
    `CREATE TABLE staff_recovery_codes (
      account_id TEXT NOT NULL,
      code_hash TEXT NOT NULL,
      used_at TEXT,
      PRIMARY KEY (account_id, code_hash)
    )`,
  ],
}

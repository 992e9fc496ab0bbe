import type { Migration } from './migration'

/**
 * A password an administrator set (a reset, or a new account made on the admin pages) is
 * for one sign-in: with `must_change_password` set, that sign-in does not complete until the
 * member of staff has chosen their own (app/staff/http/routes-password.ts).
 */
export const staffPasswordChange: Migration = {
  id: '081-staff-password-change',
  sql: ['ALTER TABLE staff_accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0'],
}

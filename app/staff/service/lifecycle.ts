import type { Db } from '../../store/db'
import type { Role } from '../roles'
import { findAccountById, type StaffAccount } from './accounts'
import { forgetAccount } from './identity'

export type AccountChange =
  | { kind: 'role'; role: Role }
  | { kind: 'disable' }
  | { kind: 'enable' }
  | { kind: 'sign-out-everywhere' }
  /** Two-factor starts again: set up afresh at the next sign-in; recovery codes gone. */
  | { kind: 'reset-two-factor' }
  /** A temporary password (its hash), good for one sign-in that ends by choosing a new one. */
  | { kind: 'reset-password'; passwordHash: string }

/**
 * Why a change was refused. `self`: an admin may not change the role of, disable, or reset the
 * password or two-factor of their own account (another admin must), so nobody removes the last way in by a slip. `last-admin`: the last
 * enabled admin keeps the role, whoever asks, for the same reason.
 */
export type ChangeRefusal = 'not-found' | 'self' | 'last-admin'

export type ChangeResult = { ok: true; account: StaffAccount; changed: boolean } | { ok: false; problem: ChangeRefusal }

/** The name of each change on the security log and the audit trail. */
export const CHANGE_EVENT = {
  role: 'staff-role-changed',
  disable: 'staff-disabled',
  enable: 'staff-enabled',
  'sign-out-everywhere': 'staff-signed-out-everywhere',
  'reset-two-factor': 'staff-two-factor-reset',
  'reset-password': 'staff-password-reset',
} as const satisfies Record<AccountChange['kind'], string>

/**
 * A new account, named as the changes above are: on the security log by the same name whether
 * an admin made it (the admin pages, which also put it on the audit trail) or the command line
 * (`npm run staff:add`).
 */
export const CREATED_EVENT = 'staff-created'

function removesAdmin(account: StaffAccount, change: AccountChange): boolean {
  if (account.role !== 'admin' || account.disabledAt) return false
  return change.kind === 'disable' || (change.kind === 'role' && change.role !== 'admin')
}

/**
 * One change to an account, in one transaction (the last-admin count and the write cannot be
 * split by another admin's change). `actorId` is the admin making it, null for the command
 * line. Every instance sees it within IDENTITY_CACHE_MS; this one on the next request.
 */
export async function changeAccount(
  db: Db,
  targetId: string,
  change: AccountChange,
  actorId: string | null,
  now: Date,
): Promise<ChangeResult> {
  const result = await db.transaction(async (tx): Promise<ChangeResult> => {
    const account = await findAccountById(tx, targetId)
    if (!account) return { ok: false, problem: 'not-found' }
    // An admin's own password and two-factor change through their own pages, which ask for the password.
    if (actorId === targetId && change.kind !== 'enable' && change.kind !== 'sign-out-everywhere')
      return { ok: false, problem: 'self' }
    if (removesAdmin(account, change)) {
      const admins = await tx.get<{ n: number | string }>(
        "SELECT COUNT(*) AS n FROM staff_accounts WHERE role = 'admin' AND disabled_at IS NULL",
      )
      if (Number(admins?.n ?? 0) <= 1) return { ok: false, problem: 'last-admin' }
    }
    const at = now.toISOString()
    const sql = {
      role: 'UPDATE staff_accounts SET role = $2 WHERE id = $1 AND role <> $2',
      // Disabling also moves the epoch on, so re-enabling later does not bring old sessions back.
      disable:
        'UPDATE staff_accounts SET disabled_at = $2, session_epoch = session_epoch + 1 WHERE id = $1 AND disabled_at IS NULL',
      enable: 'UPDATE staff_accounts SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL',
      'sign-out-everywhere': 'UPDATE staff_accounts SET session_epoch = session_epoch + 1 WHERE id = $1',
      // Both resets end every session: whoever holds one may be the reason for the reset.
      'reset-two-factor':
        'UPDATE staff_accounts SET totp_secret = NULL, totp_last_step = NULL, session_epoch = session_epoch + 1 WHERE id = $1',
      'reset-password':
        'UPDATE staff_accounts SET password_hash = $2, must_change_password = 1, session_epoch = session_epoch + 1 WHERE id = $1',
    }[change.kind]
    const params =
      change.kind === 'role'
        ? [targetId, change.role]
        : change.kind === 'disable'
          ? [targetId, at]
          : change.kind === 'reset-password'
            ? [targetId, change.passwordHash]
            : [targetId]
    const { changes } = await tx.run(sql, params)
    if (change.kind === 'reset-two-factor')
      await tx.run('DELETE FROM staff_recovery_codes WHERE account_id = $1', [targetId])
    const after = await findAccountById(tx, targetId)
    return after ? { ok: true, account: after, changed: changes > 0 } : { ok: false, problem: 'not-found' }
  })
  forgetAccount(db, targetId)
  return result
}

import type { Db } from '../../store/db'
import { findAccountById, type StaffAccount } from './accounts'
import { forgetAccount } from './identity'

/**
 * The member of staff's own new password (chosen after a reset, or changed on their own
 * page). Every session of the account ends (the epoch moves on): a session opened with the
 * old password is not trusted with the new one. The caller carries its own session over.
 */
export async function setOwnPassword(
  db: Db,
  accountId: string,
  passwordHash: string,
): Promise<StaffAccount | undefined> {
  await db.run(
    'UPDATE staff_accounts SET password_hash = $2, must_change_password = 0, session_epoch = session_epoch + 1 WHERE id = $1',
    [accountId, passwordHash],
  )
  forgetAccount(db, accountId)
  return findAccountById(db, accountId)
}

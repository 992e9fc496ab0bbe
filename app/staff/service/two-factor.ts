import type { Db, Queryable } from '../../store/db'
import { staffAudit } from './audit-log'
import { forgetAccount } from './identity'

/**
 * The stored side of two-factor sign-in: the encrypted secret and last step on the account
 * row, and the recovery codes' hashes. Every "use" is one conditional UPDATE, so two
 * requests racing with the same code or recovery code cannot both succeed.
 */

/**
 * Sets up two-factor for an account that has none: the sealed secret, the step of the code
 * that confirmed it (spent), and a fresh set of recovery codes in place of any old ones.
 * False when the account already has a secret (set up meanwhile in another tab).
 */
export async function saveEnrolment(
  db: Db,
  accountId: string,
  sealedSecret: string,
  step: number,
  codeHashes: readonly string[],
): Promise<boolean> {
  const saved = await db.transaction(async (tx) => {
    const { changes } = await tx.run(
      'UPDATE staff_accounts SET totp_secret = $2, totp_last_step = $3 WHERE id = $1 AND totp_secret IS NULL',
      [accountId, sealedSecret, step],
    )
    if (changes === 0) return false
    await replaceCodes(tx, accountId, codeHashes)
    return true
  })
  forgetAccount(db, accountId)
  return saved
}

async function replaceCodes(tx: Queryable, accountId: string, codeHashes: readonly string[]): Promise<void> {
  await tx.run('DELETE FROM staff_recovery_codes WHERE account_id = $1', [accountId])
  for (const hash of codeHashes) {
    await tx.run('INSERT INTO staff_recovery_codes (account_id, code_hash) VALUES ($1, $2)', [accountId, hash])
  }
}

/** The step of the last code this account used, read now (not through the identity cache). */
export async function lastStepOf(q: Queryable, accountId: string): Promise<number | null> {
  const row = await q.get<{ step: number | string | null }>(
    'SELECT totp_last_step AS step FROM staff_accounts WHERE id = $1',
    [accountId],
  )
  return row?.step === null || row?.step === undefined ? null : Number(row.step)
}

/** Spends a code's step: true only if no code of this step or a later one was used before. */
export async function spendStep(q: Queryable, accountId: string, step: number): Promise<boolean> {
  const { changes } = await q.run(
    `UPDATE staff_accounts SET totp_last_step = $2
     WHERE id = $1 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $2)`,
    [accountId, step],
  )
  return changes === 1
}

/** Spends a recovery code: true only the first time. */
export async function spendRecoveryCode(
  q: Queryable,
  accountId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const { changes } = await q.run(
    `UPDATE staff_recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL`,
    [accountId, codeHash, now.toISOString()],
  )
  return changes === 1
}

/** How many of the account's recovery codes are still unused. */
export async function unusedRecoveryCodes(q: Queryable, accountId: string): Promise<number> {
  const row = await q.get<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM staff_recovery_codes WHERE account_id = $1 AND used_at IS NULL',
    [accountId],
  )
  return Number(row?.n ?? 0)
}

/**
 * A new set of recovery codes, made by the member after typing a code from their app: the
 * code's step is spent, every old code (used or not) goes and the new ones are stored, and
 * the audit trail says so, all in one transaction. False, with nothing changed, when the
 * step was spent meanwhile (the same code sent twice, or used to sign in) or two-factor has
 * gone (an administrator's reset).
 */
export async function renewRecoveryCodes(
  db: Db,
  accountId: string,
  step: number,
  codeHashes: readonly string[],
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await spendStep(tx, accountId, step))) return false
    await replaceCodes(tx, accountId, codeHashes)
    await staffAudit(tx, accountId, 'staff-recovery-codes-renewed', now)
    return true
  })
}

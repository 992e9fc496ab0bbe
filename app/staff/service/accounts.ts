import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../store/db'
import { hashPassword, passwordProblem, type PasswordProblem } from '../password'
import { isRole, type Role } from '../roles'

export interface StaffAccount {
  id: string
  email: string
  role: Role
  passwordHash: string
  /** When an admin disabled the account; a disabled account cannot sign in and its sessions end. */
  disabledAt: string | null
  /** Counted up by "sign out everywhere": a session signed in under an older epoch ends. */
  sessionEpoch: number
  /** The two-factor secret, encrypted (secret-box.ts); null until set up at the next sign-in. */
  totpSecret: string | null
  /** Set by an administrator's reset (or a new account from the admin pages): choose a password at the next sign-in. */
  mustChangePassword: boolean
}

interface AccountRow {
  id: string
  email: string
  role: string
  password_hash: string
  disabled_at: string | null
  session_epoch: number | string
  totp_secret: string | null
  must_change_password: number | string
}

const COLUMNS = 'id, email, role, password_hash, disabled_at, session_epoch, totp_secret, must_change_password'

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** A rough shape check; the account exists only if someone created it, so this just catches typos. */
export function looksLikeEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254
}

function fromRow(row: AccountRow): StaffAccount | undefined {
  if (!isRole(row.role)) return undefined
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    passwordHash: row.password_hash,
    disabledAt: row.disabled_at,
    sessionEpoch: Number(row.session_epoch),
    totpSecret: row.totp_secret,
    mustChangePassword: Number(row.must_change_password) === 1,
  }
}

export async function findAccountByEmail(q: Queryable, email: string): Promise<StaffAccount | undefined> {
  const row = await q.get<AccountRow>(`SELECT ${COLUMNS} FROM staff_accounts WHERE email = $1`, [normaliseEmail(email)])
  return row ? fromRow(row) : undefined
}

export async function findAccountById(q: Queryable, id: string): Promise<StaffAccount | undefined> {
  const row = await q.get<AccountRow>(`SELECT ${COLUMNS} FROM staff_accounts WHERE id = $1`, [id])
  return row ? fromRow(row) : undefined
}

/** Every account, by email, for the admins' list. */
export async function listAccounts(q: Queryable): Promise<StaffAccount[]> {
  const rows = await q.all<AccountRow>(`SELECT ${COLUMNS} FROM staff_accounts ORDER BY email`)
  return rows.flatMap((row) => fromRow(row) ?? [])
}

export type CreateAccountResult =
  { ok: true; account: StaffAccount } | { ok: false; problem: PasswordProblem | 'email' | 'role' | 'exists' }

export async function createAccount(
  q: Queryable,
  input: { email: string; password: string; role: string; mustChangePassword?: boolean },
  now: Date,
): Promise<CreateAccountResult> {
  const email = normaliseEmail(input.email)
  if (!looksLikeEmail(email)) return { ok: false, problem: 'email' }
  if (!isRole(input.role)) return { ok: false, problem: 'role' }
  const problem = passwordProblem(input.password, [email])
  if (problem) return { ok: false, problem }
  const account: StaffAccount = {
    id: randomUUID(),
    email,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    disabledAt: null,
    sessionEpoch: 0,
    totpSecret: null,
    mustChangePassword: Boolean(input.mustChangePassword),
  }
  const result = await q.run(
    `INSERT INTO staff_accounts (id, email, password_hash, role, created_at, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING`,
    [
      account.id,
      account.email,
      account.passwordHash,
      account.role,
      now.toISOString(),
      account.mustChangePassword ? 1 : 0,
    ],
  )
  if (result.changes === 0) return { ok: false, problem: 'exists' }
  return { ok: true, account }
}

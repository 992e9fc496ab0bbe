import type { StaffIdentity } from './roles'

/**
 * What a staff session holds: who signed in, when, and under which session epoch of the
 * account. Email and role are copies refreshed from the store on every request (see
 * http/current-staff.ts); nothing is decided on them without that refresh.
 */
export interface StaffSession extends StaffIdentity {
  /** ISO time of the sign-in: the absolute lifetime counts from here, however busy the session. */
  signedInAt: string
  /** The account's `session_epoch` at sign-in; "sign out everywhere" counts the account's on. */
  epoch: number
}

/** What the store says about the account now (only what decides whether the session lives). */
export interface AccountNow {
  disabledAt: string | null
  sessionEpoch: number
}

export type SessionEnd = 'gone' | 'disabled' | 'signed-out-everywhere' | 'expired'

/**
 * Why a staff session must end now, or undefined if it may go on. Pure: the caller reads
 * the account and the clock. A session from before these fields existed has no sign-in
 * time and ends, once, as expired.
 */
export function staffSessionEnd(
  session: Partial<StaffSession>,
  account: AccountNow | undefined,
  now: Date,
  maxHours: number,
): SessionEnd | undefined {
  if (!account) return 'gone'
  if (account.disabledAt) return 'disabled'
  if (session.epoch !== account.sessionEpoch) return 'signed-out-everywhere'
  const signedInAt = session.signedInAt ? Date.parse(session.signedInAt) : NaN
  if (!Number.isFinite(signedInAt) || now.getTime() - signedInAt >= maxHours * 60 * 60 * 1000) return 'expired'
  return undefined
}

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

/** A sign-in with the password done and the second factor (or setting one up) to come. */
export interface PendingSignIn {
  id: string
  /** The account's epoch when the password was accepted: "sign out everywhere" ends this too. */
  epoch: number
  /** ISO time the password was accepted; the second step must follow within PENDING_MINUTES. */
  since: string
  /** While setting up: the new secret, sealed (secret-box.ts) like the stored one. */
  enrolSecret?: string
  /** The second factor is done; only choosing a new password (an administrator's reset) is left. */
  secondFactorDone?: boolean
}

/** Long enough to find a phone and install an app, short enough that a walked-away screen goes cold. */
export const PENDING_MINUTES = 15

/** Whether a half-done sign-in may go on: the account as it is now, within PENDING_MINUTES. */
export function pendingIsLive(pending: PendingSignIn, account: AccountNow | undefined, now: Date): boolean {
  if (!account || account.disabledAt || account.sessionEpoch !== pending.epoch) return false
  const since = Date.parse(pending.since)
  return Number.isFinite(since) && now.getTime() - since < PENDING_MINUTES * 60 * 1000 && now.getTime() >= since
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

import type { RateLimit } from '../security/limits'

/**
 * Sign-in guessing is slowed and refused without giving anyone a way to lock a member of
 * staff out. Counts live in `deps.rateLimiter` (shared by every instance with Redis), and
 * only failures count: a good sign-in gives its attempts back.
 *
 * - **Per address** (all accounts): 50 failures in 15 minutes and that address is refused —
 *   one sender spraying many accounts. A good sign-in does not count, so an office signing
 *   everyone in from one public address is never refused for being busy.
 * - **Per account and address**: from an address the account has not signed in from lately,
 *   5 failures in 15 minutes and that address is refused for that account. From the
 *   account's **familiar** addresses (a good sign-in within 30 days,
 *   service/sign-in-sources.ts) failures only slow the next try down; the address limit
 *   still caps them.
 * - **Per account, unfamiliar addresses together**: 10 failures in an hour from addresses
 *   the account has not used, and further tries from such addresses are refused for that
 *   account. Guessing spread over many addresses stops there, while the member of staff
 *   still signs in from their usual address: an attacker cannot lock them out of it.
 *
 * Each failure of the account from the same address makes the next try slower (below).
 */
export const SIGN_IN_LIMITS = {
  perAddress: { name: 'staff-sign-in-address', points: 50, windowSeconds: 15 * 60 },
  perAccountAddress: { name: 'staff-sign-in-account-address', points: 5, windowSeconds: 15 * 60 },
  // Never the one that refuses: the address limit (same window, same points) is reached first.
  perAccountFamiliarAddress: { name: 'staff-sign-in-familiar-address', points: 50, windowSeconds: 15 * 60 },
  perAccountUnfamiliar: { name: 'staff-sign-in-account-unfamiliar', points: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimit>

/** No delay for the first two tries (typos happen), then 250 ms doubling, at most 4 s. */
export function delayBeforeAttempt(attempt: number): number {
  if (attempt <= 2) return 0
  return Math.min(250 * 2 ** (attempt - 3), 4000)
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

import type { RateLimit, RateLimitCheck } from '../security/limits'

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

/**
 * The code step (two-factor) is throttled the same way, with its own counts: a wrong code
 * says nothing about the password, and the password step's counts are given back once the
 * password is right. Only someone who already has the password reaches it, so from the
 * account's familiar addresses the pair limit refuses too (10 wrong codes in 15 minutes),
 * not just slows. Each address has its own count, so failures from elsewhere still cannot
 * stop the member of staff at their usual address.
 */
export const TWO_FACTOR_LIMITS = {
  perAddress: { name: 'staff-code-address', points: 50, windowSeconds: 15 * 60 },
  perAccountAddress: { name: 'staff-code-account-address', points: 5, windowSeconds: 15 * 60 },
  perAccountFamiliarAddress: { name: 'staff-code-familiar-address', points: 10, windowSeconds: 15 * 60 },
  perAccountUnfamiliar: { name: 'staff-code-account-unfamiliar', points: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<keyof typeof SIGN_IN_LIMITS, RateLimit>

/**
 * `limits` with the same figures but counts of their own: a limit's name is the key prefix of
 * its counts. A name without `from` would go on sharing counts, so that fails at start-up.
 */
function withOwnCounts<K extends string>(limits: Record<K, RateLimit>, from: string, to: string): Record<K, RateLimit> {
  const renamed = Object.entries<RateLimit>(limits).map(([key, limit]) => {
    if (!limit.name.startsWith(from)) throw new Error(`the limit ${limit.name} does not start with ${from}`)
    return [key, { ...limit, name: to + limit.name.slice(from.length) }]
  })
  return Object.fromEntries(renamed) as Record<K, RateLimit>
}

/**
 * Re-authentication inside a signed-in session (the code from the app before making new
 * recovery codes): the code step's scheme and figures, with counts of its own. Shared
 * counts would let wrong codes typed in a stolen (or shared-computer) session refuse the
 * member's own next sign-in, and issue #16 says throttling must never lock a member out of
 * a right sign-in. The cost, a second budget of guesses for someone holding both the
 * password and a session, is small: a guess at a six-digit code is right 3 times in a million.
 */
export const REAUTHENTICATION_LIMITS = withOwnCounts(TWO_FACTOR_LIMITS, 'staff-code-', 'staff-reauth-')

export interface SignInCounters {
  byAddress: RateLimitCheck
  /** Only from an unfamiliar address: the account's count across all such addresses. */
  byAccount?: RateLimitCheck
  byPair: RateLimitCheck
}

/** The counts one try is held against: `accountKey` names the account (or the email typed). */
export function signInCounters(
  limits: Record<keyof typeof SIGN_IN_LIMITS, RateLimit>,
  accountKey: string,
  address: string,
  familiar: boolean,
): SignInCounters {
  return {
    byAddress: { limit: limits.perAddress, key: address },
    ...(familiar ? {} : { byAccount: { limit: limits.perAccountUnfamiliar, key: accountKey } }),
    byPair: {
      limit: familiar ? limits.perAccountFamiliarAddress : limits.perAccountAddress,
      key: `${accountKey} ${address}`,
    },
  }
}

/** No delay for the first two tries (typos happen), then 250 ms doubling, at most 4 s. */
export function delayBeforeAttempt(attempt: number): number {
  if (attempt <= 2) return 0
  return Math.min(250 * 2 ** (attempt - 3), 4000)
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

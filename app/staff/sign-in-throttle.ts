import type { RateLimit } from '../security/limits'

/**
 * Sign-in guessing is slowed, then refused. Attempts are counted per address, then per
 * email, in `deps.rateLimiter` (shared by every instance when Redis is configured). A
 * success clears the email's count and gives back its attempt on the address, so the
 * address limit counts failures only.
 */
export const SIGN_IN_LIMITS = {
  perAddress: { name: 'staff-sign-in-address', points: 50, windowSeconds: 15 * 60 },
  perEmail: { name: 'staff-sign-in-email', points: 5, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimit>

/** No delay for the first two tries (typos happen), then 250 ms doubling, at most 4 s. */
export function delayBeforeAttempt(attempt: number): number {
  if (attempt <= 2) return 0
  return Math.min(250 * 2 ** (attempt - 3), 4000)
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

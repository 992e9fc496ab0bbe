import type { RateLimit, RateLimitCheck } from '../security/limits'

/**
 * Wrong current passwords on the member's own "Change your password" page: 5 per account
 * in 15 minutes, then every try is refused until the window ends. The page is only reached
 * inside a signed-in session, so what it guards against is someone with a stolen or
 * unattended session guessing the password to take the account over for good.
 *
 * - **Its own count, in the same store** as the sign-in's (`deps.rateLimiter`, shared by
 *   every instance through Redis), not the sign-in's counts: the sign-in keys the email
 *   typed per address and only slows familiar addresses; sharing those would let wrong
 *   guesses here refuse the member's next sign-in, which issue #16 forbids.
 * - **Per account, not per address**: whoever holds the session can send it from any
 *   address, so an address count would add nothing.
 * - **The right password is refused too** once the count is reached. At the sign-in that
 *   would lock a member out, so there familiar addresses are only slowed; here the member
 *   is already signed in and loses nothing but this form for a few minutes, while checking
 *   the password anyway would tell a guesser when a guess was right.
 * - **Windows follow the app's clock** (`deps.clock`): fixed 15-minute windows, the
 *   window's number part of the key, so the wait can be told exactly and tests can move
 *   time on. At a window's edge up to 10 guesses can come close together; over a day it
 *   is still at most 5 in any 15 minutes on average, which is what stops guessing.
 */
export const PASSWORD_CHANGE_LIMIT = {
  name: 'staff-password-change',
  points: 5,
  windowSeconds: 15 * 60,
} as const satisfies RateLimit

export interface PasswordChangeWindow {
  check: RateLimitCheck
  /** Seconds until this window ends and tries are counted afresh. */
  secondsLeft: number
}

/** The count a wrong current password of `accountId` is held against at `now`. */
export function passwordChangeWindow(accountId: string, now: Date): PasswordChangeWindow {
  const windowMs = PASSWORD_CHANGE_LIMIT.windowSeconds * 1000
  const index = Math.floor(now.getTime() / windowMs)
  return {
    check: { limit: PASSWORD_CHANGE_LIMIT, key: `${accountId} ${index}` },
    secondsLeft: Math.max(1, Math.ceil(((index + 1) * windowMs - now.getTime()) / 1000)),
  }
}

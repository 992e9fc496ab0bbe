import type { Request, Response } from 'express'
import type { AppDeps } from '../../deps'
import { securityContext } from '../../security/http-context'
import { addressKey, type RateLimit } from '../../security/limits'
import { isFamiliarSource, sourceOf } from '../service/sign-in-sources'
import {
  delayBeforeAttempt,
  signInCounters,
  sleep,
  type SignInCounters,
  type SIGN_IN_LIMITS,
} from '../sign-in-throttle'

export type CodeTry = { refused: true; minutes: number } | { refused: false; counters: SignInCounters }

/**
 * Holds one try at a code from the authenticator app against `limits`, the way the sign-in
 * holds a password (sign-in-throttle.ts): counted before the code is checked, so a burst
 * cannot slip past; refused once a count is reached (Retry-After set, a `lock-out` on the
 * security log); otherwise slowed by this account's earlier failures from this address.
 * A right code gives the try back (`giveBackCodeTry`).
 */
export async function holdCodeTry(
  deps: AppDeps,
  req: Request,
  res: Response,
  limits: Record<keyof typeof SIGN_IN_LIMITS, RateLimit>,
  accountId: string,
): Promise<CodeTry> {
  const address = addressKey(req.ip)
  const familiar = await isFamiliarSource(
    deps.db,
    accountId,
    sourceOf(deps.config.sessionSecret, address),
    deps.clock(),
  )
  const counters = signInCounters(limits, accountId, address, familiar)
  const { byAddress, byAccount, byPair } = counters
  const limited = await deps.rateLimiter.hit(byAddress, ...(byAccount ? [byAccount] : []), byPair)
  if (!limited.allowed) {
    res.setHeader('Retry-After', String(limited.retryAfterSeconds))
    deps.securityEvents.record(
      { type: 'lock-out', limit: limited.refusedBy ?? 'unknown', staffId: accountId },
      securityContext(req, res),
    )
    return { refused: true, minutes: Math.max(1, Math.ceil(limited.retryAfterSeconds / 60)) }
  }
  await sleep(delayBeforeAttempt(Math.max(limited.count, 1)))
  return { refused: false, counters }
}

/** A right code: this address's failures for the account are forgotten, and the broader counts get the try back. */
export async function giveBackCodeTry(deps: AppDeps, { byAddress, byAccount, byPair }: SignInCounters): Promise<void> {
  await deps.rateLimiter.reset(byPair)
  await deps.rateLimiter.forgive(byAddress)
  if (byAccount) await deps.rateLimiter.forgive(byAccount)
}

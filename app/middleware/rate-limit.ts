import type { Request, Response } from 'express'
import type { SecurityEvents } from '../security/events'
import { routeOf, securityContext } from '../security/http-context'
import type { RateLimitCheck, RateLimiter, RateLimitResult } from '../security/limits'

/**
 * Counts one attempt of this request against `checks` (broadest first). A refusal sets
 * `Retry-After` and records a `rate-limit-refused` security event; the caller renders
 * its own GOV.UK error page with status 429.
 */
export async function limitRequest(
  deps: { rateLimiter: RateLimiter; securityEvents: SecurityEvents },
  req: Request,
  res: Response,
  ...checks: RateLimitCheck[]
): Promise<RateLimitResult> {
  const result = await deps.rateLimiter.hit(...checks)
  if (!result.allowed) {
    res.setHeader('Retry-After', String(result.retryAfterSeconds))
    deps.securityEvents.record(
      { type: 'rate-limit-refused', limit: result.refusedBy ?? 'unknown', route: routeOf(req) },
      securityContext(req, res),
    )
  }
  return result
}

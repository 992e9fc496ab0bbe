import { Router, type Request, type RequestHandler, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { findSubmission, listSubmissions, recordHandOver, type SubmissionItem } from '../service/submissions-repository'
import { routeOf, securityContext } from '../../security/http-context'
import { parseReference } from '../../applications/reference'
import { applicationById } from '../../applications/registry'
import { keyFor, type ApiKey } from '../keys'
import { limitRequest } from '../../middleware/rate-limit'
import type { RateLimit } from '../../security/limits'

/**
 * Per key, not per address: a provider's collector may run from several addresses, and a
 * stolen key should be slowed wherever it is used. 120 a minute is a page of 100 every
 * half-second, far above what a nightly or hourly collection needs.
 */
export const API_KEY_LIMIT: RateLimit = { name: 'api-key', points: 120, windowSeconds: 60 }

/** The key a request was made with: `bearerAuth` runs before every route of the API. */
function keyOf(res: Response): ApiKey {
  const key = res.locals.apiKey
  if (!key) throw new Error('the hand-over API answered without checking a key')
  return key
}

/**
 * `Authorization: Bearer <key>` against the configured keys' hashes. No keys configured
 * means no access at all, never open access.
 */
function bearerAuth(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer (\S{1,200})$/.exec(req.get('authorization') ?? '')
    const key = keyFor(deps.config.apiKeys, match?.[1])
    const refuse = (reason: 'no-key' | 'unknown-key' | 'throttled') =>
      deps.securityEvents.record(
        { type: 'api-refused', reason, key: key?.name, route: routeOf(req) },
        securityContext(req, res),
      )
    if (!key) {
      refuse(match ? 'unknown-key' : 'no-key')
      res.setHeader('WWW-Authenticate', 'Bearer')
      res.status(401).json({ error: 'unauthorised' })
      return
    }
    const limited = await limitRequest(deps, req, res, { limit: API_KEY_LIMIT, key: key.name })
    if (!limited.allowed) {
      refuse('throttled')
      res.status(429).json({ error: 'too many requests' })
      return
    }
    res.locals.apiKey = key
    next()
  }
}

const listQuery = z.object({
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  application: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional(),
})

/** The hand-over to service providers: `GET /api/v1/submissions` and `/api/v1/submissions/:reference`. */
export function submissionsApi(deps: AppDeps): Router {
  const unknown = deps.config.apiKeys.flatMap((k) =>
    k.applications.filter((a) => !applicationById(a)).map((a) => `${k.name}: ${a}`),
  )
  // A key scoped to a mistyped application would read nothing, silently: refuse to start instead.
  if (unknown.length > 0) throw new Error(`SUBMISSIONS_API_KEYS names unknown applications: ${unknown.join(', ')}`)
  const router = Router()
  router.use('/api/v1/submissions', bearerAuth(deps))

  /**
   * Every read: one audit row per application read, by the key's name (so an auditor can say
   * who collected an application and when), the hand-over time that retention counts from,
   * and an `api-read` security event.
   */
  const handOver = async (req: Request, res: Response, items: readonly SubmissionItem[]) => {
    const key = keyOf(res)
    await recordHandOver(deps.db, items, key.name, deps.clock())
    deps.securityEvents.record(
      { type: 'api-read', key: key.name, route: routeOf(req), items: items.length },
      securityContext(req, res),
    )
  }

  router.get('/api/v1/submissions', async (req, res) => {
    const parsed = listQuery.safeParse(req.query)
    if (!parsed.success)
      return res.status(400).json({ error: 'invalid query', detail: parsed.error.issues.map((i) => i.path.join('.')) })
    const { since, cursor, limit, application } = parsed.data
    const allowed = keyOf(res).applications
    // Asking for an application outside the key's scope gets an empty list, as if there were none.
    const applications = application ? allowed.filter((a) => a === application) : allowed
    const page = await listSubmissions(deps.db, {
      since: since ? new Date(since).toISOString() : undefined,
      cursor,
      limit,
      applications,
    })
    const next = page.cursor
      ? `/api/v1/submissions?${new URLSearchParams({ cursor: page.cursor, limit: String(limit), ...(application ? { application } : {}) })}`
      : null
    await handOver(req, res, page.items)
    res.json({ items: page.items, next })
  })

  router.get('/api/v1/submissions/:reference', async (req, res) => {
    const reference = parseReference(String(req.params.reference))
    const found = reference ? await findSubmission(deps.db, reference) : undefined
    // Another provider's application is "not found": a key learns nothing outside its scope.
    const item = found && keyOf(res).applications.includes(found.application) ? found : undefined
    if (found && !item)
      deps.securityEvents.record(
        { type: 'api-refused', reason: 'out-of-scope', key: keyOf(res).name, route: routeOf(req) },
        securityContext(req, res),
      )
    if (!item) return res.status(404).json({ error: 'not found' })
    await handOver(req, res, [item])
    res.json({ items: [item] })
  })

  return router
}

import { timingSafeEqual, createHash } from 'node:crypto'
import { Router, type Request, type RequestHandler, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { findSubmission, listSubmissions, markHandedOver } from '../service/submissions-repository'
import { routeOf, securityContext } from '../../security/http-context'
import { parseReference } from '../../applications/reference'

/**
 * Bearer SUBMISSIONS_API_KEY, compared in constant time (over hashes, so lengths leak
 * nothing either). No key configured means no access at all, never open access.
 */
export function bearerAuth(apiKey: string | undefined): RequestHandler {
  const expected = apiKey ? createHash('sha256').update(apiKey).digest() : undefined
  return (req, res, next) => {
    const header = req.get('authorization') ?? ''
    const match = /^Bearer (.+)$/.exec(header)
    const given = match?.[1] ? createHash('sha256').update(match[1]).digest() : undefined
    if (!expected || !given || !timingSafeEqual(expected, given)) {
      res.setHeader('WWW-Authenticate', 'Bearer')
      res.status(401).json({ error: 'unauthorised' })
      return
    }
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
  const router = Router()
  router.use('/api/v1/submissions', bearerAuth(deps.config.submissionsApiKey))

  /** Every read: the hand-over time (retention counts from it) and an `api-read` security event. */
  const handOver = async (req: Request, res: Response, references: string[]) => {
    await markHandedOver(deps.db, references, deps.clock())
    deps.securityEvents.record(
      { type: 'api-read', key: 'default', route: routeOf(req), items: references.length },
      securityContext(req, res),
    )
  }

  router.get('/api/v1/submissions', async (req, res) => {
    const parsed = listQuery.safeParse(req.query)
    if (!parsed.success)
      return res.status(400).json({ error: 'invalid query', detail: parsed.error.issues.map((i) => i.path.join('.')) })
    const { since, cursor, limit, application } = parsed.data
    const page = await listSubmissions(deps.db, {
      since: since ? new Date(since).toISOString() : undefined,
      cursor,
      limit,
      application,
    })
    const next = page.cursor
      ? `/api/v1/submissions?${new URLSearchParams({ cursor: page.cursor, limit: String(limit), ...(application ? { application } : {}) })}`
      : null
    await handOver(
      req,
      res,
      page.items.map((i) => i.reference),
    )
    res.json({ items: page.items, next })
  })

  router.get('/api/v1/submissions/:reference', async (req, res) => {
    const reference = parseReference(String(req.params.reference))
    const item = reference ? await findSubmission(deps.db, reference) : undefined
    if (!item) return res.status(404).json({ error: 'not found' })
    await handOver(req, res, [item.reference])
    res.json({ items: [item] })
  })

  return router
}

import { Router } from 'express'
import type { Db } from '../../store/db'
import { OUTAGE_RETRY_AFTER_SECONDS } from '../../retry-after'

/**
 * `/health` says the process is alive (for the container's HEALTHCHECK and liveness
 * probes); `/ready` says it can serve citizens, which needs the database and, where
 * sessions live in Redis, Redis: a load balancer then stops sending citizens to an
 * instance that could only answer "try again later", until its stores are back.
 */
export function healthRoutes(db: Db, pingSessions?: () => Promise<void>): Router {
  const router = Router()
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/ready', async (_req, res) => {
    const checks = await Promise.allSettled([db.ping(), pingSessions?.() ?? Promise.resolve()])
    const [database, sessions] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'unavailable'))
    if (database === 'ok' && sessions === 'ok') return res.json({ status: 'ready' })
    res.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS))
    res.status(503).json({ status: 'unavailable', database, sessions })
  })
  return router
}

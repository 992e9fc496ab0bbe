import { Router } from 'express'
import type { Db } from '../../store/db'

/**
 * `/health` says the process is alive (for the container's HEALTHCHECK and liveness
 * probes); `/ready` says it can serve citizens, which needs the database.
 */
export function healthRoutes(db: Db): Router {
  const router = Router()
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/ready', async (_req, res) => {
    try {
      await db.ping()
      res.json({ status: 'ready' })
    } catch {
      res.status(503).json({ status: 'unavailable' })
    }
  })
  return router
}

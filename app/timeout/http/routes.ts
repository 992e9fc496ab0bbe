import { Router, type Request } from 'express'
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import { clearMarker } from '../../middleware/session-timeout'
import { sessionHasDraft } from '../session-state'

/** A same-site path to go back to, never another origin. */
function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/'
}

const wantsJson = (req: Request) => (req.headers.accept ?? '').includes('application/json')

declare module 'express-session' {
  interface SessionData {
    /** When the citizen last chose "Stay signed in"; writing it is what saves the session. */
    extendedAt?: string
  }
}

/**
 * The session timeout's own pages: extend (the warning's "Stay signed in", which also works
 * as a plain form), delete ("Delete my answers", and what the warning does at the limit),
 * and the pages that explain an ended session.
 */
export function sessionRoutes(config: Config, clock: Clock): Router {
  const router = Router()

  router.post('/session/extend', (req, res) => {
    req.session.extendedAt = clock().toISOString()
    if (wantsJson(req)) {
      res.json({ idleSeconds: config.sessionIdleMinutes * 60 })
      return
    }
    res.redirect(303, safeReturn((req.body as Record<string, unknown>).returnTo))
  })

  router.post('/session/delete', (req, res, next) => {
    const timedOut = (req.body as Record<string, unknown>).reason === 'timeout'
    const kept = sessionHasDraft(req.session)
    const lang = req.session.lang ?? 'en'
    req.session.destroy((error?: unknown) => {
      if (error) return next(error)
      res.clearCookie(config.env === 'production' ? '__Host-portal-session' : 'portal-session', { path: '/' })
      clearMarker(res, config)
      const query = new URLSearchParams({ lang, ...(kept ? { kept: 'application' } : {}) })
      res.redirect(303, `${timedOut ? '/session/timed-out' : '/session/deleted'}?${query.toString()}`)
    })
  })

  router.get('/session/timed-out', (req, res) => {
    const kept = req.query.kept === 'application'
    // Only with a kept draft: without one, "your answers have been deleted" already covers
    // what was on the page just sent.
    const unsent = kept && req.query.unsent === 'page'
    res.render('session/ended.njk', { copy: kept ? 'timeout.timedOutSaved' : 'timeout.timedOut', kept, unsent })
  })

  router.get('/session/deleted', (req, res) => {
    res.render('session/ended.njk', { copy: 'timeout.deleted', kept: req.query.kept === 'application' })
  })
  return router
}

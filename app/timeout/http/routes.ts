import { Router, type Request } from 'express'
import { z } from 'zod'
import { oneOf, readInput } from '../../request-input'
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import { clearMarker } from '../../middleware/session-timeout'
import { sessionHasDraft } from '../session-state'

/** "Stay signed in" as a plain form: where to go back to, a same-site path, never another origin. */
const extendForm = z.object({
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])/)
    .catch('/'),
})
/** "Delete my answers", or the warning at the limit (`reason=timeout`). */
const deleteForm = z.object({ reason: oneOf('timeout') })
/** The ended-session pages: whether a saved application was kept, and a page left unsent. */
const endedQuery = z.object({ kept: oneOf('application'), unsent: oneOf('page') })

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
    res.redirect(303, readInput(extendForm, req.body).returnTo)
  })

  router.post('/session/delete', (req, res, next) => {
    const timedOut = readInput(deleteForm, req.body).reason === 'timeout'
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
    const query = readInput(endedQuery, req.query)
    const kept = query.kept === 'application'
    // Only with a kept draft: without one, "your answers have been deleted" already covers
    // what was on the page just sent.
    const unsent = kept && query.unsent === 'page'
    res.render('session/ended.njk', { copy: kept ? 'timeout.timedOutSaved' : 'timeout.timedOut', kept, unsent })
  })

  router.get('/session/deleted', (req, res) => {
    res.render('session/ended.njk', {
      copy: 'timeout.deleted',
      kept: readInput(endedQuery, req.query).kept === 'application',
    })
  })
  return router
}

import { Router, type Request } from 'express'
import { z } from 'zod'
import { oneOf, readInput } from '../../request-input'
import type { AppDeps } from '../../deps'
import { clearMarker } from '../../middleware/session-timeout'
import { forgetHeldDrafts, heldUnsentDrafts } from '../../applications/service/forget-drafts'
import { answeredOutcomes, summaryFrom, summaryQuery, type DeletedSummary } from '../deleted-summary'
import { sessionHasDraft } from '../session-state'
import { deletedView } from './deleted-view'

/** "Stay signed in" as a plain form: where to go back to, a same-site path, never another origin. */
const extendForm = z.object({
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])/)
    .catch('/'),
})
/** "Delete my answers", or the warning at the limit (`reason=timeout`). */
const deleteForm = z.object({ reason: oneOf('timeout') })
/** Where "Delete my answers" was asked from: a same-site path, for its "Keep my answers" link. */
const askedFrom = z.object({
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])/)
    .catch('/'),
})
/** What the "deleted" page lists: ids and a count only (deleted-summary.ts). */
const deletedQuery = z.object({
  answers: z.string().max(300).optional().catch(undefined),
  applications: z.string().max(300).optional().catch(undefined),
  links: z.string().max(4).optional().catch(undefined),
})
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
export function sessionRoutes(deps: Pick<AppDeps, 'config' | 'clock' | 'db'>): Router {
  const { config, clock, db } = deps
  const router = Router()

  // "Delete my answers" without JavaScript: every citizen page's footer links here. It says
  // exactly what will go before anything does; the button posts to /session/delete.
  router.get('/session/delete', async (req, res) => {
    const drafts = await heldUnsentDrafts(db, req.session)
    const summary: DeletedSummary = {
      outcomes: answeredOutcomes(req.session.triage),
      applications: drafts.map((d) => d.application),
      links: 0,
    }
    const view = deletedView(summary, res.locals.t)
    res.render('session/delete.njk', {
      pageTitle: res.locals.t('timeout.deleteConfirm.title'),
      items: view.items,
      hasSomething: view.items.length > 0,
      returnTo: readInput(askedFrom, req.query).returnTo,
    })
  })

  router.post('/session/extend', (req, res) => {
    req.session.extendedAt = clock().toISOString()
    if (wantsJson(req)) {
      res.json({ idleSeconds: config.sessionIdleMinutes * 60 })
      return
    }
    res.redirect(303, readInput(extendForm, req.body).returnTo)
  })

  router.post('/session/delete', async (req, res, next) => {
    const timedOut = readInput(deleteForm, req.body).reason === 'timeout'
    const lang = req.session.lang ?? 'en'
    // At the limit the draft is kept, as the timeout pages say. By choice, everything goes:
    // the answers, the unsent drafts this session holds and every link emailed to them.
    const kept = timedOut && sessionHasDraft(req.session)
    const outcomes = answeredOutcomes(req.session.triage)
    const forgotten = timedOut ? { applications: [], links: 0 } : await forgetHeldDrafts(db, req.session)
    req.session.destroy((error?: unknown) => {
      if (error) return next(error)
      res.clearCookie(config.env === 'production' ? '__Host-portal-session' : 'portal-session', { path: '/' })
      clearMarker(res, config)
      const query = new URLSearchParams({
        lang,
        ...(kept ? { kept: 'application' } : {}),
        ...(timedOut ? {} : summaryQuery({ outcomes, ...forgotten })),
      })
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
    const view = deletedView(summaryFrom(readInput(deletedQuery, req.query)), res.locals.t)
    res.render('session/deleted.njk', { pageTitle: res.locals.t('timeout.deleted.title'), ...view })
  })
  return router
}

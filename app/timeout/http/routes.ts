import { Router, type Request } from 'express'
import { z } from 'zod'
import { oneOf, readInput } from '../../request-input'
import type { AppDeps } from '../../deps'
import { clearMarker } from '../../middleware/session-timeout'
import { forgetHeldDrafts, heldUnsentDrafts } from '../../applications/service/forget-drafts'
import { forgetKeptPlans, keptPlansHeld } from '../../triage/service/kept-plans'
import { answeredOutcomes, summaryFrom, summaryQuery, type DeletedSummary } from '../deleted-summary'
import { sessionHasDraft } from '../session-state'
import { lastActivity } from '../last-activity'
import { cookieValue, decodeMarker, markerCookieName } from '../marker'
import { deletedView } from './deleted-view'

/** "Stay signed in" as a plain form: where to go back to, a same-site path, never another origin. */
const extendForm = z.object({
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])/)
    .catch('/'),
})
/**
 * "Delete my answers", or the warning at the limit (`reason=timeout`), which also says how
 * long the page has been idle as its own tab saw it (`idleFor`, ms since its last contact
 * with the server) and where it was (`returnTo`).
 */
const deleteForm = z.object({
  reason: oneOf('timeout'),
  idleFor: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])/)
    .catch('/'),
})
/**
 * How much later than a tab's own last contact the session's last use must be for another
 * tab to have used it: the time between the server answering and the page starting its
 * timer, with room to spare. A tab's own page view can never look like another tab's.
 */
const OTHER_TAB_MARGIN_MS = 5_000
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
  plans: z.string().max(300).optional().catch(undefined),
})
/** The ended-session pages: whether a saved application was kept, and a page left unsent. */
const endedQuery = z.object({ kept: oneOf('application'), unsent: oneOf('page') })

/** The kept plans a session made (outcome → id), as ids. */
const keptIds = (held: Partial<Record<string, string>> | undefined) =>
  Object.values(held ?? {}).filter((id): id is string => typeof id === 'string')

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
      plans: (await keptPlansHeld(db, keptIds(req.session.keptPlans))).map((p) => p.outcome),
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
    const form = readInput(deleteForm, req.body)
    const timedOut = form.reason === 'timeout'
    // Timeouts across tabs: a tab's warning reaching its limit ends the session only if the
    // session has not been used since that tab last was. The server decides, from its own
    // record of the session's last use (the store's renewal and the signed marker every tab
    // shares), so a stale tab never ends a session another tab is using: it goes back to its page.
    if (timedOut && form.idleFor !== undefined) {
      const marker = decodeMarker(
        cookieValue(req.headers.cookie, markerCookieName(config.env === 'production')),
        config.sessionSecret,
      )
      const since = lastActivity(req.session.renewedAt, marker)
      const tabSeen = clock().getTime() - form.idleFor
      if (since !== undefined && since > tabSeen + OTHER_TAB_MARGIN_MS) return res.redirect(303, form.returnTo)
    }
    const lang = req.session.lang ?? 'en'
    // At the limit the draft is kept, as the timeout pages say. By choice, everything goes:
    // the answers, the unsent drafts this session holds and every link emailed to them.
    const kept = timedOut && sessionHasDraft(req.session)
    const outcomes = answeredOutcomes(req.session.triage)
    const forgotten = timedOut ? { applications: [], links: 0 } : await forgetHeldDrafts(db, req.session)
    // A kept plan is emailed away like a saved draft: kept at the limit, deleted by choice.
    const plans = timedOut ? [] : await forgetKeptPlans(db, keptIds(req.session.keptPlans))
    req.session.destroy((error?: unknown) => {
      if (error) return next(error)
      res.clearCookie(config.env === 'production' ? '__Host-portal-session' : 'portal-session', { path: '/' })
      clearMarker(res, config)
      const query = new URLSearchParams({
        lang,
        ...(kept ? { kept: 'application' } : {}),
        ...(timedOut ? {} : summaryQuery({ outcomes, ...forgotten, plans })),
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

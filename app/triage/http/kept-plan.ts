import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { oneOf, readInput } from '../../request-input'
import { routeOf, securityContext } from '../../security/http-context'
import { findLiveKeptPlan, revokeKeptPlan, setTaskDone, type KeptPlan } from '../service/kept-plans'
import { linkTokenOf } from './link-token-param'
import { keptUrl, renderKeptPlan, renderKeptUnavailable, renderStop } from './kept-view'
import { CATALOGUE, outcomeById } from '../../catalogue'
import { planFor } from '../plan'
import { planTasks } from '../plan-tasks'

/** The button pressed: `done:<task>` or `undone:<task>` (one form holds every thing's button). */
const doneForm = z.object({
  mark: z
    .string()
    .regex(/^(done|undone):[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
})
const applyForm = z.object({
  app: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional()
    .catch(undefined),
})
const stopForm = z.object({ confirm: oneOf('yes', 'no') })

/**
 * A kept plan's pages, opened by the emailed link in any browser: no session is needed or
 * made by reading. Marking a thing done is a form per thing (POST, then back to the plan),
 * and "Stop using this link" asks first. A link that opens nothing says so in one way for
 * every reason, so nobody can learn whether a link was ever real.
 */
export function keptPlanRoutes(deps: AppDeps): Router {
  const router = Router()
  const days = deps.config.retention.keptPlanDays

  /** The live plan the request's link opens, or the "link does not work" page (and a security event). */
  async function opened(req: Request, res: Response): Promise<{ plan: KeptPlan; token: string } | undefined> {
    const token = linkTokenOf(req)
    const plan = token ? await findLiveKeptPlan(deps.db, token, deps.clock()) : undefined
    if (plan && token) return { plan, token }
    deps.securityEvents.record({ type: 'kept-plan-refused', route: routeOf(req) }, securityContext(req, res))
    renderKeptUnavailable(res, days)
    return undefined
  }

  // Before '/plan/kept/:token', which would take "stopped" for a (malformed) token.
  router.get('/plan/kept/stopped', (_req, res) => {
    res.render('triage/kept-stopped.njk', { pageTitle: res.locals.t('triage.kept.stoppedTitle') })
  })

  router.get('/plan/kept/:token', async (req, res) => {
    const found = await opened(req, res)
    if (!found) return
    if (!renderKeptPlan(res, found.plan, found.token, deps.clock())) renderKeptUnavailable(res, days)
  })

  router.post('/plan/kept/:token/done', async (req, res) => {
    const found = await opened(req, res)
    if (!found) return
    const [state, id] = (readInput(doneForm, req.body).mark ?? '').split(':')
    const now = deps.clock()
    const tasks = planTasks(planFor(outcomeById(found.plan.outcome), CATALOGUE.services, found.plan.answers, now))
    // Only a thing on this plan can be marked; anything else is ignored and the plan shown again.
    const task = tasks.find((known) => known.id === id)
    if (!task) return res.redirect(303, keptUrl(found.token))
    await setTaskDone(deps.db, found.plan.id, task, state === 'done', now)
    // Back to the thing just marked, so a keyboard or screen reader user is where they were.
    res.redirect(303, `${keptUrl(found.token)}#do-${task.id}`)
  })

  // "Apply now" on a kept plan: this browser now holds the plan (the sent application is marked
  // on it) and, if it has no answers of its own for this outcome, the kept ones (the application
  // reuses them, and "Continue with your plan" has a plan to go back to).
  router.post('/plan/kept/:token/apply', async (req, res) => {
    const found = await opened(req, res)
    if (!found) return
    const { plan } = found
    const app = readInput(applyForm, req.body).app
    const tasks = planTasks(planFor(outcomeById(plan.outcome), CATALOGUE.services, plan.answers, deps.clock()))
    if (!app || !tasks.some((task) => task.applications.includes(app))) return res.redirect(303, keptUrl(found.token))
    req.session.keptPlans = { ...req.session.keptPlans, [plan.outcome]: plan.id }
    if (!req.session.triage?.[plan.outcome])
      req.session.triage = { ...req.session.triage, [plan.outcome]: plan.answers }
    res.redirect(303, `/apply/${app}`)
  })

  router.get('/plan/kept/:token/stop', async (req, res) => {
    const found = await opened(req, res)
    if (found) renderStop(res, found.token, false)
  })

  router.post('/plan/kept/:token/stop', async (req, res) => {
    const found = await opened(req, res)
    if (!found) return
    const confirm = readInput(stopForm, req.body).confirm
    if (!confirm) return renderStop(res, found.token, true)
    if (confirm === 'no') return res.redirect(303, keptUrl(found.token))
    await revokeKeptPlan(deps.db, found.plan.id, deps.clock())
    deps.securityEvents.record({ type: 'kept-plan-stopped', route: routeOf(req) }, securityContext(req, res))
    res.redirect(303, '/plan/kept/stopped')
  })

  return router
}

import { Router, type Request } from 'express'
import { z } from 'zod'
import { oneOf, readInput } from '../../request-input'
import type { Config } from '../../config'
import { readReviews, reviewCounts } from '../../i18n/review'
import { HttpError } from '../../middleware/http-error'
import { renderNotSent } from '../../applications/http/not-sent'
import { applicationById } from '../../applications/registry'
import { newReference } from '../../applications/reference'
import { auditorsOnly } from './access'
import { ERROR_EXAMPLES } from '../foundation-states'
import { journeyMaps } from '../journey-map'
import { LoopbackClient } from '../loopback-client'
import { registry } from '../registry'
import { csrfTokenIn, replay } from '../replay'
import { renderKeptPlan, renderStop } from '../../triage/http/kept-view'
import type { KeptPlan } from '../../triage/service/kept-plans'
import { PERSONA_DAY, PERSONAS, type Persona } from '../../triage/personas'
import { CATALOGUE, outcomeById } from '../../catalogue'
import { planFor } from '../../triage/plan'
import { planTasks } from '../../triage/plan-tasks'
import type { Locale } from '../../i18n/locales'

/** An error page by name: only the examples listed (a name such as `constructor` is not one). */
const exampleParams = z.object({ page: oneOf(...(Object.keys(ERROR_EXAMPLES) as (keyof typeof ERROR_EXAMPLES)[])) })

const EXAMPLE_TOKEN = 'A'.repeat(43)
const stopExampleQuery = z.object({ error: oneOf('yes') })

/**
 * The first persona's plan that offers an application here (so its "Apply now" button is
 * shown), kept on the personas' day, with one other thing marked done.
 */
function examplePlan(language: Locale, days: number): KeptPlan {
  const tasksOf = (persona: Persona) =>
    planTasks(planFor(outcomeById(persona.outcome), CATALOGUE.services, persona.answers, PERSONA_DAY))
  const persona = PERSONAS.find((p) => tasksOf(p).some((task) => task.applications.length > 0)) ?? PERSONAS[0]
  if (!persona) throw new HttpError(404, 'not-found')
  const done = tasksOf(persona).find((task) => task.applications.length === 0)
  return {
    id: 'example',
    outcome: persona.outcome,
    answers: persona.answers,
    language,
    email: '',
    createdAt: PERSONA_DAY.toISOString(),
    expiresAt: new Date(PERSONA_DAY.getTime() + days * 86_400_000).toISOString(),
    revokedAt: null,
    items: done ? { [done.id]: { doneAt: PERSONA_DAY.toISOString(), reference: null } } : {},
  }
}

/** This server, seen from inside: replayed steps go through the full middleware stack. */
function selfOrigin(req: Request): string {
  const address = req.socket.localAddress ?? '127.0.0.1'
  const host = address.includes(':') && !address.startsWith('::ffff:') ? `[${address}]` : address.replace('::ffff:', '')
  return `http://${host}:${req.socket.localPort}`
}

/**
 * The auditors' tools: the index of every page state, each journey drawn, a direct link that
 * sets up the session a state needs, and an example of each error page.
 */
export function accessibilityRoutes(config: Config): Router {
  const router = Router()
  router.use('/accessibility/pages', auditorsOnly(config))

  router.get('/accessibility/pages', (_req, res) => {
    const { states, areas } = registry()
    // Read per request: an auditor sees a review recorded by translations:import without a restart.
    const reviews = readReviews()
    const reviewedPages = states.filter((s) => reviews.pages.includes(s.id)).map((s) => s.id)
    res.render('a11y/pages.njk', {
      journeys: journeyMaps(states),
      stateCount: states.length,
      areas,
      welsh: { ...reviewCounts(reviews), reviewedPages, unreviewedPages: states.length - reviewedPages.length },
    })
  })

  // The page an emailed resume link opens: a real link is only in an email, so auditors (and
  // the walker) see the page here, with a token that opens nothing.
  router.get('/accessibility/pages/examples/resume-link', (_req, res) => {
    res.render('applications/resume-link.njk', {
      pageTitle: res.locals.t('apply.link.continueTitle'),
      token: 'A'.repeat(43),
    })
  })

  // A kept plan's pages: a real link is only in an email, so auditors (and the walker) see
  // them here, for an example plan with one thing done, and a token that opens nothing.
  router.get('/accessibility/pages/examples/kept-plan', (_req, res) => {
    renderKeptPlan(res, examplePlan(res.locals.locale, config.retention.keptPlanDays), EXAMPLE_TOKEN, PERSONA_DAY)
  })
  router.get('/accessibility/pages/examples/kept-plan-stop', (req, res) => {
    renderStop(res, EXAMPLE_TOKEN, readInput(stopExampleQuery, req.query).error === 'yes')
  })

  router.get('/accessibility/pages/examples/:page', (req) => {
    const { page } = readInput(exampleParams, req.params)
    if (!page) throw new HttpError(404, 'not-found')
    throw new HttpError(ERROR_EXAMPLES[page], page)
  })

  // The page a citizen sees when the database is down as they send an application: it cannot
  // be reached on purpose, so auditors (and the walker) see it here, for each application.
  router.get('/accessibility/pages/examples/not-sent/:app', (req, res) => {
    const app = applicationById(String(req.params.app))
    if (!app) throw new HttpError(404, 'not-found')
    renderNotSent(
      res,
      app,
      newReference(app.referencePrefix, () => 0),
    )
  })

  router.get('/accessibility/pages/go/*id', async (req, res) => {
    const id = ([] as string[]).concat(req.params.id ?? []).join('/')
    const reg = registry()
    const state = reg.byId(id)
    if (!state) throw new HttpError(404, 'not-found')
    const steps = reg.stepsFor(state)
    const last = steps[steps.length - 1]
    const client = new LoopbackClient(
      selfOrigin(req),
      req.headers.cookie,
      config.trustProxy > 0 ? { 'x-forwarded-proto': 'https' } : {},
    )
    const before = await replay(last && 'post' in last ? steps.slice(0, -1) : steps, client)
    // The replay wrote the session; this request must not save its own, older copy over it
    // or send an older session cookie after the replay's.
    ;(req as { session?: unknown }).session = undefined
    for (const cookie of client.setCookies()) res.append('Set-Cookie', cookie)
    if (!last || 'get' in last) {
      res.redirect(303, last?.get ?? '/')
      return
    }
    // A state that is the answer to a POST (a page with errors) cannot be redirected to: the
    // auditor sends the form, already filled in as the state describes, with one button.
    const fields = Object.entries(last.form).flatMap(([name, value]) =>
      (typeof value === 'string' ? [value] : value).map((v) => ({ name, value: v })),
    )
    res.render('a11y/go-post.njk', {
      state,
      action: last.post,
      fields,
      replayCsrf: csrfTokenIn(before?.html ?? '') ?? '',
    })
  })
  return router
}

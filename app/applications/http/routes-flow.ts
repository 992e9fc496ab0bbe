import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { actorOf, appFrom, base, channelOf, loadJourney } from './request'
import { oneOf, readInput } from '../../request-input'
import { taskListView } from './task-list-view'
import { checkAnswersView } from './check-answers-view'
import { isReadyToSubmit } from '../progress'
import { submitDraft, submittedReference } from '../service/submit'
import { isDatabaseUnavailable } from '../service/outage'
import { renderNotSent } from './not-sent'
import { countApplication } from '../../insights/http/record'
import { durationBucket } from '../../insights/measures'
import { planUrl } from '../../triage/urls'
import { plansOffering } from '../../triage/plans-offering'
import { CATALOGUE } from '../../catalogue'
import { recordAppliedReference } from '../../triage/service/kept-plans'

/** "I confirm…" on the declaration page. */
const declarationForm = z.object({ confirm: oneOf('yes') })

/**
 * The frame around the questions: start page, task list, check answers, declaration and
 * confirmation. Submitting is idempotent (see submit.ts), so a double click, a refresh of
 * the POST or two tabs all land on the same confirmation.
 */
/**
 * The kept plans this browser holds (it emailed them, or applied from one) show the
 * application as done, with its reference. The application is already sent: a failure here
 * is logged and the citizen still sees the confirmation.
 */
async function markKeptPlans(deps: AppDeps, req: Request, res: Response, application: string, reference: string) {
  const ids = Object.values(req.session.keptPlans ?? {}).filter((id): id is string => typeof id === 'string')
  if (ids.length === 0) return
  try {
    await recordAppliedReference(deps.db, ids, application, reference, deps.clock())
  } catch (error) {
    deps.logger.warn({ err: error, requestId: res.locals.requestId }, 'kept plan not marked as applied')
  }
}

export function flowRoutes(deps: AppDeps): Router {
  const router = Router()
  const t = (res: Response) => res.locals.t
  const localeOf = (res: Response) => res.locals.locale

  router.get('/apply/:app', (req, res, next) => {
    const app = appFrom(req)
    if (!app) return next()
    res.render('applications/start.njk', {
      pageTitle: t(res)(`${app.id}.title`),
      appId: app.id,
      startHref: `${base(app)}/task-list`,
      minutes: deps.config.sessionIdleMinutes,
    })
  })

  router.get('/apply/:app/task-list', async (req, res, next) => {
    const app = appFrom(req)
    if (!app) return next()
    let journey = await loadJourney(deps, req, app)
    if (journey.draft?.submittedAt) {
      // A new application after a sent one starts from a clean draft.
      const { [app.id]: _sent, ...rest } = req.session.applications ?? {}
      req.session.applications = rest
      journey = await loadJourney(deps, req, app)
    }
    res.render('applications/task-list.njk', {
      // Distinct from the start page's title, so each page of the journey has its own.
      pageTitle: t(res)('apply.taskList.pageTitle', { name: t(res)(`${app.id}.title`) }),
      reference: journey.draft?.reference,
      backHref: base(app),
      ...taskListView(journey, t(res)),
    })
  })

  async function ready(req: Request, res: Response) {
    const app = appFrom(req)
    if (!app) return undefined
    const journey = await loadJourney(deps, req, app)
    if (journey.draft?.submittedAt) return void res.redirect(303, `${base(app)}/confirmation`)
    if (!journey.draft || !isReadyToSubmit(app, journey.answers))
      return void res.redirect(303, `${base(app)}/task-list`)
    return { app, journey, draft: journey.draft }
  }

  router.get('/apply/:app/check-answers', async (req, res, next) => {
    const found = await ready(req, res)
    if (!found) return res.headersSent ? undefined : next()
    res.render('applications/check-answers.njk', {
      pageTitle: t(res)('apply.checkAnswers.title'),
      ...checkAnswersView(found.journey, t(res), localeOf(res)),
      continueHref: `${base(found.app)}/declaration`,
      backHref: `${base(found.app)}/task-list`,
    })
  })

  const renderDeclaration = (req: Request, res: Response, root: string, error: boolean) => {
    const assisted = Boolean(req.session.assisted)
    const message = t(res)('apply.declaration.error')
    res.status(error ? 400 : 200).render('applications/declaration.njk', {
      pageTitle: t(res)('apply.declaration.title'),
      statement: t(res)(assisted ? 'apply.declaration.confirmAssisted' : 'apply.declaration.confirmOnline'),
      checkbox: t(res)(assisted ? 'apply.declaration.checkboxAssisted' : 'apply.declaration.checkboxOnline'),
      errorMessage: error ? { text: message } : undefined,
      errorList: error ? [{ text: message, href: '#confirm' }] : [],
      action: `${root}/declaration`,
      backHref: `${root}/check-answers`,
    })
  }

  router.get('/apply/:app/declaration', async (req, res, next) => {
    const found = await ready(req, res)
    if (!found) return res.headersSent ? undefined : next()
    renderDeclaration(req, res, base(found.app), false)
  })

  router.post('/apply/:app/declaration', async (req, res, next) => {
    const app = appFrom(req)
    if (!app) return next()
    let reference: string | undefined
    try {
      const journey = await loadJourney(deps, req, app)
      if (!journey.draft) return res.redirect(303, `${base(app)}/task-list`)
      reference = journey.draft.reference
      // A second submit of the same draft (double click) goes straight to the stored result.
      if (!journey.draft.submittedAt && readInput(declarationForm, req.body).confirm !== 'yes')
        return renderDeclaration(req, res, base(app), true)
      const result = await submitDraft(
        deps.db,
        app,
        { ...journey.draft, answers: journey.answers },
        deps.clock(),
        deps.config.serviceUrl,
        { channel: channelOf(req), actor: actorOf(req) },
      )
      if ('incomplete' in result) return res.redirect(303, `${base(app)}/task-list`)
      if (!result.alreadySubmitted) {
        countApplication(deps.insights, req, res, app, 'application-submitted')
        const seconds = (deps.clock().getTime() - Date.parse(journey.draft.createdAt)) / 1000
        countApplication(deps.insights, req, res, app, 'submit-seconds', String(durationBucket(seconds)))
      }
      // The plan shows this service as applied for, with its reference, from now on.
      req.session.applied = { ...req.session.applied, [app.id]: result.reference }
      await markKeptPlans(deps, req, res, app.id, result.reference)
      res.redirect(303, `${base(app)}/confirmation`)
    } catch (error) {
      // The database went away while sending: the transaction did not commit, so the draft
      // is as it was. Say so and offer to send again, rather than the generic problem page.
      if (!isDatabaseUnavailable(error)) throw error
      deps.logger.warn({ err: error, requestId: res.locals.requestId }, 'submit failed: database unavailable')
      renderNotSent(res, app, reference)
    }
  })

  router.get('/apply/:app/confirmation', async (req, res, next) => {
    const app = appFrom(req)
    if (!app) return next()
    // Only the session holding the draft sees its reference (loadJourney checks the key).
    const { draft } = await loadJourney(deps, req, app)
    const reference = draft ? await submittedReference(deps.db, draft.id) : undefined
    if (!reference) return res.redirect(303, `${base(app)}/task-list`)
    const [fromPlan] = plansOffering(CATALOGUE, app.id, app.outcome, req.session.triage ?? {}, deps.clock())
    res.render('applications/confirmation.njk', {
      pageTitle: t(res)('apply.confirmation.title'),
      reference,
      appId: app.id,
      // Back to the plan this application came from, where it now shows as applied for.
      planHref: fromPlan ? planUrl(fromPlan) : undefined,
      outcomeId: app.outcome,
    })
  })

  return router
}

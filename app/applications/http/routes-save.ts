import { countApplication } from '../../insights/http/record'
import { Router, type Request, type Response } from 'express'
import type { AppDeps } from '../../deps'
import { formatDate } from '../../i18n/format'
import { actorOf, appFrom, base, loadJourney } from './request'
import { parsePage } from '../validate'
import { errorText } from '../copy'
import { emailKey, LINK_LIMITS, sendDraftLink } from '../service/save-return'
import { addressKey } from '../../security/limits'
import { limitRequest } from '../../middleware/rate-limit'
import { routeOf, securityContext } from '../../security/http-context'

const EMAIL_FIELD = { id: 'email', kind: 'email' } as const

/** "Save and come back later": a one-time link to one email address, within limits (see LINK_LIMITS). */
export function saveReturnRoutes(deps: AppDeps): Router {
  const router = Router()
  const t = (res: Response) => res.locals.t

  const renderSave = (
    req: Request,
    res: Response,
    root: string,
    email: string,
    errorList: { text: string; href: string }[],
    status = errorList.length ? 400 : 200,
  ) =>
    res.status(status).render('applications/save.njk', {
      pageTitle: t(res)('apply.save.title'),
      email,
      errorList,
      emailError: errorList[0],
      autocomplete: req.session.assisted ? 'off' : 'email',
      action: `${root}/save`,
      backHref: `${root}/task-list`,
    })

  router.get('/apply/:app/save', async (req, res, next) => {
    const app = appFrom(req)
    if (!app) return next()
    const journey = await loadJourney(deps, req, app)
    if (!journey.draft || journey.draft.submittedAt) return res.redirect(303, `${base(app)}/task-list`)
    const known = journey.answers[app.emailField]
    renderSave(req, res, base(app), typeof known === 'string' ? known : '', [])
  })

  router.post('/apply/:app/save', async (req, res, next) => {
    const app = appFrom(req)
    if (!app) return next()
    const journey = await loadJourney(deps, req, app)
    if (!journey.draft || journey.draft.submittedAt) return res.redirect(303, `${base(app)}/task-list`)
    const result = parsePage([EMAIL_FIELD], req.body, journey.today)
    const email = result.values.email
    if (result.errors.length || typeof email !== 'string') {
      const errorList = result.errors.map((e) => ({ text: errorText(t(res), 'apply.save', { ...e }), href: '#email' }))
      return renderSave(req, res, base(app), String(result.echo.email ?? ''), errorList)
    }
    // Broadest first: a refused sender adds no draft or email key (see app/security/limits.ts).
    const limited = await limitRequest(
      deps,
      req,
      res,
      { limit: LINK_LIMITS.perAddress, key: addressKey(req.ip) },
      { limit: LINK_LIMITS.perSession, key: req.sessionID },
      { limit: LINK_LIMITS.perDraft, key: journey.draft.id },
      { limit: LINK_LIMITS.perEmail, key: emailKey(email) },
    )
    if (!limited.allowed) {
      const minutes = Math.max(1, Math.ceil(limited.retryAfterSeconds / 60))
      const errorList = [{ text: t(res)('apply.save.tooMany', { minutes }), href: '#email' }]
      return renderSave(req, res, base(app), email, errorList, 429)
    }
    await sendDraftLink(deps.db, journey.draft, email, deps.clock(), deps.config.serviceUrl, actorOf(req))
    deps.securityEvents.record({ type: 'draft-link-sent', route: routeOf(req) }, securityContext(req, res))
    countApplication(deps.insights, req, res, app, 'application-saved')
    res.redirect(303, `${base(app)}/saved`)
  })

  router.get('/apply/:app/saved', async (req, res, next) => {
    const app = appFrom(req)
    if (!app) return next()
    const journey = await loadJourney(deps, req, app)
    if (!journey.draft) return res.redirect(303, `${base(app)}/task-list`)
    const locale = res.locals.locale
    res.render('applications/saved.njk', {
      pageTitle: t(res)('apply.save.savedTitle'),
      reference: journey.draft.reference,
      expires: formatDate(journey.draft.expiresAt, locale),
      continueHref: `${base(app)}/task-list`,
    })
  })

  return router
}

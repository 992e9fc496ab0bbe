import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { outcomeById } from '../../catalogue'
import { OUTCOME_IDS, type Outcome } from '../../catalogue/types'
import { formatDate } from '../../i18n/format'
import { oneOf, readInput } from '../../request-input'
import { parsePage } from '../../applications/validate'
import { errorText } from '../../applications/copy'
import { emailKey } from '../../applications/service/save-return'
import { actorOf } from '../../applications/http/request'
import { addressKey, type RateLimit } from '../../security/limits'
import { limitRequest } from '../../middleware/rate-limit'
import { routeOf, securityContext } from '../../security/http-context'
import { isoDay } from '../../rules/dates'
import { keepPlan, keptPlanById } from '../service/kept-plans'
import { keys } from '../copy-keys'
import { planPage } from './plan-page'
import { reminderOffer, remindersWanted, scheduleOnKeep } from './reminder-opt-in'
import { emailPlanUrl, emailedPlanUrl, planUrl } from '../urls'

const outcomeParams = z.object({ outcome: oneOf(...OUTCOME_IDS) })
const EMAIL_FIELD = { id: 'email', kind: 'email' } as const

/**
 * Emailing a plan is limited like emailing a draft link (applications/service/save-return.ts):
 * per client address and per session (someone sending many), and per address (one inbox
 * flooded). Together they cap how much of the Notify allowance one sender can spend.
 */
export const KEEP_LIMITS = {
  perAddress: { name: 'plan-email-address', points: 20, windowSeconds: 60 * 60 },
  perSession: { name: 'plan-email-session', points: 5, windowSeconds: 60 * 60 },
  perEmail: { name: 'plan-email-email', points: 3, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimit>

const outcomeOf = (req: Request): Outcome | undefined => {
  const id = readInput(outcomeParams, req.params).outcome
  return id ? outcomeById(id) : undefined
}

/**
 * "Email me this plan": an address, then a link to the plan that works without the session
 * for RETENTION_KEPT_PLAN_DAYS. The plan must be finished in this session; the answers are
 * copied as they are now, so later changes here do not change the kept plan.
 */
export function keepEmailRoutes(deps: AppDeps): Router {
  const router = Router()
  const days = deps.config.retention.keptPlanDays

  const render = (
    req: Request,
    res: Response,
    outcome: Outcome,
    email: string,
    errorList: { text: string; href: string }[],
    /** "Email me a reminder before a deadline": shown when the plan has a deadline to remind of. */
    reminders: { offered: boolean; checked: boolean },
    status = errorList.length ? 400 : 200,
  ) => {
    const t = res.locals.t
    res.status(status).render('triage/keep-email.njk', {
      reminders,
      pageTitle: t('triage.keep.title'),
      intro: t('triage.keep.intro', { keptPlanDays: String(days) }),
      email,
      errorList,
      emailError: errorList[0],
      autocomplete: req.session.assisted ? 'off' : 'email',
      action: emailPlanUrl(outcome.id),
      backHref: planUrl(outcome.id),
    })
  }

  /** The finished plan's answers in this session, or undefined (then the route sends the citizen to finish it). */
  const finishedAnswers = (req: Request, res: Response, outcome: Outcome) => {
    const answers = req.session.triage?.[outcome.id] ?? {}
    const page = planPage(outcome, answers, res.locals.t, res.locals.locale, deps.clock())
    return page.complete ? answers : undefined
  }

  router.get('/outcomes/:outcome/plan/email', (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome) return next()
    const answers = finishedAnswers(req, res, outcome)
    if (!answers) return res.redirect(303, planUrl(outcome.id))
    const offered = reminderOffer(outcome, answers, res, deps.clock(), days).length > 0
    render(req, res, outcome, '', [], { offered, checked: false })
  })

  router.post('/outcomes/:outcome/plan/email', async (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome) return next()
    const answers = finishedAnswers(req, res, outcome)
    if (!answers) return res.redirect(303, planUrl(outcome.id))
    const t = res.locals.t
    const now = deps.clock()
    const result = parsePage([EMAIL_FIELD], req.body, isoDay(now))
    const email = result.values.email
    const offer = reminderOffer(outcome, answers, res, now, days)
    const reminders = { offered: offer.length > 0, checked: offer.length > 0 && remindersWanted(req.body) }
    if (result.errors.length || typeof email !== 'string') {
      const errorList = result.errors.map((e) => ({ text: errorText(t, 'triage.keep', { ...e }), href: '#email' }))
      return render(req, res, outcome, String(result.echo.email ?? ''), errorList, reminders)
    }
    // Broadest first: a refused sender adds nothing to the per-inbox count (app/security/limits.ts).
    const limited = await limitRequest(
      deps,
      req,
      res,
      { limit: KEEP_LIMITS.perAddress, key: addressKey(req.ip) },
      { limit: KEEP_LIMITS.perSession, key: req.sessionID },
      { limit: KEEP_LIMITS.perEmail, key: emailKey(email) },
    )
    if (!limited.allowed) {
      const minutes = Math.max(1, Math.ceil(limited.retryAfterSeconds / 60))
      const tooMany = [{ text: t('triage.keep.tooMany', { minutes }), href: '#email' }]
      return render(req, res, outcome, email, tooMany, reminders, 429)
    }
    const kept = await keepPlan(
      deps.db,
      { outcome: outcome.id, answers, language: res.locals.locale, email, actor: actorOf(req) },
      now,
      {
        days,
        serviceUrl: deps.config.serviceUrl,
        onKept: reminders.checked ? scheduleOnKeep(offer, email, res, now, deps.config.serviceUrl) : undefined,
      },
    )
    req.session.keptPlans = { ...req.session.keptPlans, [outcome.id]: kept.id }
    deps.securityEvents.record({ type: 'plan-kept', route: routeOf(req) }, securityContext(req, res))
    res.redirect(303, emailedPlanUrl(outcome.id))
  })

  router.get('/outcomes/:outcome/plan/emailed', async (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome) return next()
    const id = req.session.keptPlans?.[outcome.id]
    const kept = id ? await keptPlanById(deps.db, id) : undefined
    if (!kept || kept.revokedAt) return res.redirect(303, planUrl(outcome.id))
    const t = res.locals.t
    res.render('triage/keep-emailed.njk', {
      pageTitle: t('triage.keep.sentTitle'),
      email: kept.email,
      until: t('triage.keep.sentUntil', {
        date: formatDate(kept.expiresAt, res.locals.locale),
        keptPlanDays: String(days),
      }),
      outcome: t(keys.outcome(outcome.id).title),
      planHref: planUrl(outcome.id),
      againHref: emailPlanUrl(outcome.id),
    })
  })

  return router
}

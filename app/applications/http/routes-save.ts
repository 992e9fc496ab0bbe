import { Router, type Request, type Response } from 'express'
import type { AppDeps } from '../../deps'
import { formatDate } from '../../i18n/format'
import { appFrom, base, bodyOf, loadJourney } from './request'
import { parsePage } from '../validate'
import { errorText } from '../copy'
import { saveForLater, findByReferenceAndBirth } from '../service/save-return'
import { redeemResumeToken } from '../service/resume-tokens'
import { findDraft } from '../service/draft-repository'
import { parseDate } from '../date-rules'
import { sanitiseLine } from '../sanitise'
import { recordAudit } from '../../audit/service/record'
import { addressKey, type RateLimit } from '../../security/limits'
import { limitRequest } from '../../middleware/rate-limit'

const RESUME_LIMITS = {
  perAddress: { name: 'resume-address', points: 20, windowSeconds: 15 * 60 },
  perReference: { name: 'resume-reference', points: 5, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimit>

const EMAIL_FIELD = { id: 'email', kind: 'email' } as const
const DOB_FIELD = { id: 'dateOfBirth', kind: 'date', date: { past: true } } as const

/** Save and return: "Save and come back later", the emailed one-time link, and resume by reference + date of birth. */
export function saveReturnRoutes(deps: AppDeps): Router {
  const router = Router()
  const t = (res: Response) => res.locals.t

  const renderResume = (
    res: Response,
    echo: Record<string, string | string[]>,
    errorList: { text: string; href: string }[],
    status = 200,
  ) =>
    res.status(status).render('applications/resume.njk', {
      pageTitle: t(res)('apply.resume.title'),
      echo,
      errorList,
      referenceError: errorList.find((e) => e.href === '#reference'),
      dobError: errorList.find((e) => e.href === '#dateOfBirth-day'),
    })

  router.get('/apply/resume', (_req, res) => renderResume(res, {}, []))

  router.post('/apply/resume', async (req, res) => {
    const body = bodyOf(req)
    const reference = sanitiseLine(body.reference).slice(0, 40)
    const dob = parseDate(DOB_FIELD, body, deps.clock().toISOString().slice(0, 10))
    const echo: Record<string, string> = { reference }
    for (const p of ['day', 'month', 'year'])
      echo[`dateOfBirth-${p}`] = sanitiseLine(body[`dateOfBirth-${p}`]).slice(0, 4)
    const errors = []
    if (!reference) errors.push({ text: t(res)('apply.resume.referenceRequired'), href: '#reference' })
    if (!('value' in dob)) errors.push({ text: t(res)('apply.resume.dobRequired'), href: '#dateOfBirth-day' })
    if (errors.length) return renderResume(res, echo, errors, 400)
    // Guessing is slowed per address, then per reference; the limit answers the same way for every reference.
    const limited = await limitRequest(
      deps,
      req,
      res,
      { limit: RESUME_LIMITS.perAddress, key: addressKey(req.ip) },
      { limit: RESUME_LIMITS.perReference, key: reference.toUpperCase().replace(/[\s-]/g, '') },
    )
    if (!limited.allowed) {
      const minutes = Math.ceil(limited.retryAfterSeconds / 60)
      return renderResume(res, echo, [{ text: t(res)('apply.resume.tooMany', { minutes }), href: '#reference' }], 429)
    }
    const draft =
      'value' in dob ? await findByReferenceAndBirth(deps.db, reference, dob.value, deps.clock()) : undefined
    if (!draft) return renderResume(res, echo, [{ text: t(res)('apply.resume.notFound'), href: '#reference' }], 400)
    await resumeInto(req, draft.id)
    res.redirect(303, `/apply/${draft.application}/task-list`)
  })

  async function resumeInto(req: Request, draftId: string) {
    const draft = await findDraft(deps.db, draftId)
    if (!draft) return
    req.session.applications = { ...req.session.applications, [draft.application]: draft.id }
    await recordAudit(deps.db, {
      at: deps.clock().toISOString(),
      actorType: req.session.assisted ? 'staff' : 'citizen',
      actorId: req.session.assisted?.staffId ?? null,
      action: 'draft-resumed',
      reference: draft.reference,
      channel: draft.channel,
    })
  }

  router.get('/apply/resume/:token', async (req, res) => {
    const draftId = await redeemResumeToken(deps.db, String(req.params.token), deps.clock())
    const draft = draftId ? await findDraft(deps.db, draftId) : undefined
    if (!draft || draft.submittedAt || draft.expiresAt <= deps.clock().toISOString()) {
      return res.status(410).render('applications/link-expired.njk', { pageTitle: t(res)('apply.link.expiredTitle') })
    }
    await resumeInto(req, draft.id)
    res.redirect(303, `/apply/${draft.application}/task-list`)
  })

  const renderSave = (
    req: Request,
    res: Response,
    root: string,
    email: string,
    errorList: { text: string; href: string }[],
  ) =>
    res.status(errorList.length ? 400 : 200).render('applications/save.njk', {
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
    const result = parsePage([EMAIL_FIELD], bodyOf(req), journey.today)
    const email = result.values.email
    if (result.errors.length || typeof email !== 'string') {
      const errorList = result.errors.map((e) => ({ text: errorText(t(res), 'apply.save', { ...e }), href: '#email' }))
      return renderSave(req, res, base(app), String(result.echo.email ?? ''), errorList)
    }
    await saveForLater(deps.db, journey.draft, email, deps.clock(), deps.config.serviceUrl)
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

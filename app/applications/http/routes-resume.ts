import { countApplication } from '../../insights/http/record'
import { Router, type Request, type Response } from 'express'
import type { AppDeps } from '../../deps'
import type { Translate } from '../../i18n/translate'
import { z } from 'zod'
import { actorOf, takeDraft } from './request'
import { readInput } from '../../request-input'
import { findByReferenceAndBirth, LINK_LIMITS, emailKey, sendDraftLink } from '../service/save-return'
import { isLiveResumeToken, redeemResumeToken } from '../service/resume-tokens'
import { findDraft, type Draft } from '../service/draft-repository'
import { applicationById } from '../registry'
import { revokeDraftLinks } from '../service/draft-ownership'
import { line } from '../form-input'
import { parsePage } from '../validate'
import { isoDay } from '../../rules/dates'
import { recordAudit } from '../../audit/service/record'
import { addressKey, type RateLimit } from '../../security/limits'
import { limitRequest } from '../../middleware/rate-limit'
import { routeOf, securityContext } from '../../security/http-context'

const RESUME_LIMITS = {
  perAddress: { name: 'resume-address', points: 20, windowSeconds: 15 * 60 },
  perReference: { name: 'resume-reference', points: 5, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimit>

const DOB_FIELD = { id: 'dateOfBirth', kind: 'date', date: { past: true } } as const
/** The reference as typed (its check character is the service's business), within a sane length. */
const resumeForm = z.object({ reference: line.transform((v) => v.slice(0, 40)) })
/** The link's token, as the emailed link carries it (in its address, then posted by its button); anything else opens nothing. */
const linkForm = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional()
    .catch(undefined),
})

/**
 * Continuing a saved application (see service/draft-ownership.ts for who may read a draft):
 * - the emailed link opens a page with a button; only that deliberate POST uses the link
 *   up, so a mail scanner's GET or HEAD changes nothing. Using it moves the draft to this
 *   browser (new holder key, new session id) and revokes every link to it;
 * - reference and date of birth send a fresh link to the address the draft was saved with,
 *   and always answer the same "check your email", whether or not anything matched.
 */
export function resumeRoutes(deps: AppDeps): Router {
  const router = Router()
  const t = (res: Response) => res.locals.t as Translate

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

  const expired = (req: Request, res: Response) => {
    deps.securityEvents.record({ type: 'resume-link-refused', route: routeOf(req) }, securityContext(req, res))
    res.status(410).render('applications/link-expired.njk', { pageTitle: t(res)('apply.link.expiredTitle') })
  }

  router.get('/apply/resume', (_req, res) => renderResume(res, {}, []))

  router.get('/apply/resume/sent', (_req, res) =>
    res.render('applications/resume-sent.njk', { pageTitle: t(res)('apply.resume.sentTitle') }),
  )

  router.post('/apply/resume', async (req, res) => {
    const { reference } = readInput(resumeForm, req.body)
    const dob = parsePage([DOB_FIELD], req.body, isoDay(deps.clock()))
    const dateOfBirth = dob.values.dateOfBirth
    const echo: Record<string, string> = { reference }
    for (const [name, value] of Object.entries(dob.echo)) echo[name] = String(value).slice(0, 4)
    const errors = []
    if (!reference) errors.push({ text: t(res)('apply.resume.referenceRequired'), href: '#reference' })
    if (typeof dateOfBirth !== 'string')
      errors.push({ text: t(res)('apply.resume.dobRequired'), href: '#dateOfBirth-day' })
    if (errors.length || typeof dateOfBirth !== 'string') return renderResume(res, echo, errors, 400)
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
    const draft = await findByReferenceAndBirth(deps.db, reference, dateOfBirth, deps.clock())
    if (draft?.linkAddress) await resend(req, res, draft, draft.linkAddress)
    res.redirect(303, '/apply/resume/sent')
  })

  /** A fresh link to the draft's own address, within the per-draft and per-address limits (refused silently: the page says the same). */
  async function resend(req: Request, res: Response, draft: Draft, address: string) {
    const limited = await limitRequest(
      deps,
      req,
      res,
      { limit: LINK_LIMITS.perDraft, key: draft.id },
      { limit: LINK_LIMITS.perEmail, key: emailKey(address) },
    )
    res.removeHeader('Retry-After')
    if (!limited.allowed) return
    await sendDraftLink(
      deps.db,
      draft,
      address,
      deps.clock(),
      deps.config.serviceUrl,
      actorOf(req),
      'draft-link-resent',
    )
    deps.securityEvents.record({ type: 'draft-link-sent', route: routeOf(req) }, securityContext(req, res))
  }

  // GET and HEAD only look: a link checked by a mail scanner still works for the citizen.
  router.get('/apply/resume/:token', async (req, res) => {
    const { token } = readInput(linkForm, req.params)
    if (!token || !(await isLiveResumeToken(deps.db, token, deps.clock()))) return expired(req, res)
    res.render('applications/resume-link.njk', { pageTitle: t(res)('apply.link.continueTitle'), token })
  })

  router.post('/apply/resume/link', async (req, res) => {
    const { token } = readInput(linkForm, req.body)
    const draftId = token ? await redeemResumeToken(deps.db, token, deps.clock()) : undefined
    const draft = draftId ? await findDraft(deps.db, draftId) : undefined
    if (!draft || draft.submittedAt || draft.expiresAt <= deps.clock().toISOString()) return expired(req, res)
    await revokeDraftLinks(deps.db, draft.id)
    await takeDraft(deps, req, draft)
    await recordAudit(deps.db, {
      at: deps.clock().toISOString(),
      ...actorOf(req),
      action: 'draft-resumed',
      reference: draft.reference,
    })
    deps.securityEvents.record({ type: 'resume-link-used', route: routeOf(req) }, securityContext(req, res))
    const app = applicationById(draft.application)
    if (app) countApplication(deps.insights, req, res, app, 'application-resumed')
    res.redirect(303, `/apply/${draft.application}/task-list`)
  })

  return router
}

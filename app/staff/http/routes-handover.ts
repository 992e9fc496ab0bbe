import type { Request, Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { outcomeById } from '../../catalogue'
import { OUTCOME_IDS, type OutcomeId } from '../../catalogue/types'
import { oneOf, readInput } from '../../request-input'
import { parsePage } from '../../applications/validate'
import { emailKey } from '../../applications/service/save-return'
import { limitRequest } from '../../middleware/rate-limit'
import type { RateLimit } from '../../security/limits'
import { isoDay } from '../../rules/dates'
import { keys } from '../../triage/copy-keys'
import { planPage } from '../../triage/http/plan-page'
import { ownCaseToday, type CaseRow } from '../service/cases'
import { handOver, type Handover } from '../service/handover'
import type { ErrorItem } from './form'

/**
 * One inbox gets at most a few hand-overs a day, and one adviser a bounded number an hour:
 * a signed-in account cannot be used to flood someone's email or spend the Notify allowance.
 */
const HANDOVER_LIMITS = {
  perStaff: { name: 'staff-handover', points: 30, windowSeconds: 60 * 60 },
  perEmail: { name: 'staff-handover-email', points: 3, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimit>

const EMAIL_FIELD = { id: 'email', kind: 'email' } as const
const consentForm = z.object({ consent: oneOf('yes') })

const isOutcomeId = (id: string): id is OutcomeId => (OUTCOME_IDS as readonly string[]).includes(id)

/** What can be sent from the case, with its title for the page. */
type Sendable = Handover & { title: string }

/**
 * "Send to the citizen", from the case the adviser is in: its saved application (a one-time
 * link to continue it) when the case has one open, else the plan the citizen reached in this
 * session (a kept plan's private link). Only with the citizen's agreement, recorded.
 */
export function handoverHandlers(deps: AppDeps) {
  const currentCase = async (req: Request): Promise<CaseRow | undefined> => {
    const staff = req.session.staff
    const caseId = req.session.assisted?.caseId
    return staff && caseId ? ownCaseToday(deps.db, staff.id, caseId, deps.clock()) : undefined
  }

  const sendable = (req: Request, res: Response, found: CaseRow): Sendable | undefined => {
    const t = res.locals.t
    if (found.openDraftId && found.reference && found.application)
      return {
        kind: 'application',
        draftId: found.openDraftId,
        reference: found.reference,
        title: `${t(`${found.application}.title`)} (${found.reference})`,
      }
    // The latest outcome answered in this session whose plan is complete.
    const answered = Object.entries(req.session.triage ?? {}).reverse()
    for (const [id, answers] of answered) {
      const outcome = isOutcomeId(id) ? outcomeById(id) : undefined
      if (!outcome || !answers) continue
      if (!planPage(outcome, answers, t, res.locals.locale, deps.clock()).complete) continue
      return {
        kind: 'plan',
        outcome: outcome.id,
        answers,
        language: res.locals.locale,
        title: t(keys.outcome(outcome.id).title),
      }
    }
    return undefined
  }

  const render = (
    res: Response,
    what: Sendable | undefined,
    form: { email: string; consent: boolean },
    errorList: ErrorItem[],
    status = errorList.length ? 400 : 200,
  ) =>
    res.status(status).render('staff/handover.njk', {
      pageTitle: res.locals.t('staff.handover.title'),
      what: what
        ? {
            kind: what.kind,
            title: what.title,
            description: res.locals.t(`staff.handover.what.${what.kind}`, {
              keptPlanDays: deps.config.retention.keptPlanDays,
            }),
          }
        : undefined,
      form,
      errorList,
      emailError: errorList.find((e) => e.href === '#email'),
      consentError: errorList.find((e) => e.href === '#consent'),
    })

  const form = async (req: Request, res: Response) => {
    const found = await currentCase(req)
    if (!found) return res.redirect(303, '/staff/cases')
    render(res, sendable(req, res, found), { email: '', consent: false }, [])
  }

  const send = async (req: Request, res: Response) => {
    const staff = req.session.staff
    const found = await currentCase(req)
    if (!staff || !found) return res.redirect(303, '/staff/cases')
    const what = sendable(req, res, found)
    if (!what) return render(res, undefined, { email: '', consent: false }, [])
    const t = res.locals.t
    const now = deps.clock()
    const parsed = parsePage([EMAIL_FIELD], req.body, isoDay(now))
    const email = parsed.values.email
    const consent = readInput(consentForm, req.body).consent === 'yes'
    const echo = { email: String(parsed.echo.email ?? ''), consent }
    const errors: ErrorItem[] = []
    if (parsed.errors.length || typeof email !== 'string') {
      const missing = parsed.errors.some((e) => e.code === 'required')
      errors.push({ text: t(`staff.handover.errors.${missing ? 'emailMissing' : 'emailFormat'}`), href: '#email' })
    }
    if (!consent) errors.push({ text: t('staff.handover.errors.consent'), href: '#consent' })
    if (errors.length || typeof email !== 'string') return render(res, what, echo, errors)

    const limited = await limitRequest(
      deps,
      req,
      res,
      { limit: HANDOVER_LIMITS.perStaff, key: staff.id },
      { limit: HANDOVER_LIMITS.perEmail, key: emailKey(email) },
    )
    if (!limited.allowed)
      return render(res, what, echo, [{ text: t('staff.handover.errors.tooMany'), href: '#email' }], 429)

    const sent = await handOver(deps.db, staff.id, what, email, now, {
      serviceUrl: deps.config.serviceUrl,
      keptPlanDays: deps.config.retention.keptPlanDays,
    })
    if (!sent) return res.redirect(303, '/staff/case')
    req.session.handedOver = what.kind
    res.redirect(303, '/staff/case/sent')
  }

  const sent = async (req: Request, res: Response) => {
    const found = await currentCase(req)
    const kind = req.session.handedOver
    if (!found || !kind) return res.redirect(303, '/staff/case')
    res.render('staff/handover-sent.njk', {
      pageTitle: res.locals.t('staff.handover.sent.title'),
      body: res.locals.t(`staff.handover.sent.${kind}`),
    })
  }

  return { form, send, sent }
}

import type { Request, Response } from 'express'
import type { AppDeps } from '../../deps'
import type { RateLimit } from '../../security/limits'
import { limitRequest } from '../../middleware/rate-limit'
import { staffAudit } from '../service/audit-log'
import { isChannel } from '../channels'
import { dateOfBirthFrom } from './date-of-birth'
import { attachDraft, findDraftForResume, markDraftAssisted } from './draft-lookup'
import { field, type ErrorItem } from './form'
import { beginAssisting, channelItems, parseChannelAndConsent } from './routes-help'
import { saveSession } from './session-reset'
import { linkDraftToCase } from '../service/cases'

const RESUME_LIMIT: RateLimit = { name: 'staff-resume', points: 10, windowSeconds: 15 * 60 }

interface ResumeForm {
  reference: string
  day: string
  month: string
  year: string
  channel: string
  consent: string
  label: string
}

/** Continue a citizen's saved draft: reference + date of birth, with the channel and their agreement. */
export function resumeHandlers(deps: AppDeps) {
  const render = (res: Response, form: ResumeForm, errorList: ErrorItem[], status = errorList.length ? 400 : 200) =>
    res.status(status).render('staff/resume.njk', {
      pageTitle: res.locals.t('staff.resume.title'),
      form,
      channelItems: channelItems(res, form.channel),
      consentChecked: form.consent === 'yes',
      label: form.label,
      errorList,
      labelError: errorList.find((e) => e.href === '#label'),
      referenceError: errorList.find((e) => e.href === '#reference'),
      dobError: errorList.find((e) => e.href === '#dateOfBirth-day'),
      channelError: errorList.find((e) => e.href === '#channel'),
      consentError: errorList.find((e) => e.href === '#consent'),
    })

  const form = (_req: Request, res: Response) => {
    render(res, { reference: '', day: '', month: '', year: '', channel: '', consent: '', label: '' }, [])
  }

  const submit = async (req: Request, res: Response) => {
    const staff = req.session.staff
    if (!staff) return res.redirect(303, '/staff/sign-in')
    const t = res.locals.t
    const now = deps.clock()
    const reference = field(req, 'reference', 40).toUpperCase()
    const dob = dateOfBirthFrom(req, 'dateOfBirth', now)
    const { channel, consent, label, errors: helpErrors } = parseChannelAndConsent(req, res)
    const echo: ResumeForm = {
      reference,
      day: field(req, 'dateOfBirth-day', 4),
      month: field(req, 'dateOfBirth-month', 4),
      year: field(req, 'dateOfBirth-year', 4),
      channel,
      consent,
      label,
    }
    const errors: ErrorItem[] = []
    if (!reference) errors.push({ text: t('staff.resume.errors.reference'), href: '#reference' })
    if (!dob) errors.push({ text: t('staff.resume.errors.dob'), href: '#dateOfBirth-day' })
    errors.push(...helpErrors)
    if (errors.length || !dob || !isChannel(channel)) return render(res, echo, errors)

    const limit = await limitRequest(deps, req, res, { limit: RESUME_LIMIT, key: staff.id })
    if (!limit.allowed) {
      const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60))
      return render(res, echo, [{ text: t('staff.resume.errors.tooMany', { minutes }), href: '#reference' }], 429)
    }
    const draft = await findDraftForResume(deps, reference, dob)
    if (!draft) return render(res, echo, [{ text: t('staff.resume.errors.notFound'), href: '#reference' }])

    const caseId = await beginAssisting(deps, req, { channel, label }, now)
    await attachDraft(deps, req, draft)
    await linkDraftToCase(deps.db, draft.id, caseId)
    await saveSession(req)
    await markDraftAssisted(deps, draft.id, { staffId: staff.id, consentAt: now.toISOString() })
    await staffAudit(deps.db, staff.id, 'assisted-resume', now, draft.reference)
    res.redirect(303, `/apply/${draft.application}/task-list`)
  }

  return { form, submit }
}

import type { Request, Response } from 'express'
import { z } from 'zod'
import { readInput } from '../../request-input'
import type { AppDeps } from '../../deps'
import { staffAudit } from '../service/audit-log'
import { CHANNELS, isChannel, type Channel } from '../channels'
import { field, type ErrorItem } from './form'
import { openCase } from '../service/cases'
import { unusedRecoveryCodes } from '../service/two-factor'
import { recoveryCodesLeft } from '../recovery-codes'
import { parseCaseLabel } from '../case-label'
import { freshSession, saveSession } from './session-reset'

type Handler = (req: Request, res: Response) => Promise<void> | void

/** What the help forms share: the channel radios and the consent checkbox. */
export function channelItems(res: Response, selected: string) {
  return CHANNELS.map((value) => ({
    value,
    text: res.locals.t(`staff.channels.${value}`),
    checked: value === selected,
  }))
}

/** The label field as typed (a repeated or forged value reads as nothing typed). */
export const labelForm = z.object({ label: z.string().optional().catch(undefined) })

/** The case label's error, worded for where it is typed. */
export function labelError(res: Response, raw: unknown): { label: string; error?: ErrorItem } {
  const parsed = parseCaseLabel(raw)
  if (parsed.ok) return { label: parsed.label }
  return { label: parsed.echo, error: { text: res.locals.t(`staff.label.errors.${parsed.problem}`), href: '#label' } }
}

export function parseChannelAndConsent(req: Request, res: Response) {
  const channel = field(req, 'channel', 20)
  const consent = field(req, 'consent', 10)
  const { label, error } = labelError(res, readInput(labelForm, req.body).label)
  const errors: ErrorItem[] = []
  if (!isChannel(channel)) errors.push({ text: res.locals.t('staff.start.errors.channel'), href: '#channel' })
  if (consent !== 'yes') errors.push({ text: res.locals.t('staff.start.errors.consent'), href: '#consent' })
  if (error) errors.push(error)
  return { channel, consent, label, errors }
}

/**
 * Starts a new citizen: a new case in "My cases today", then a fresh session id holding only
 * the staff identity, the language and the assisted context, so nothing of whoever came
 * before can leak into this citizen's work.
 */
export async function beginAssisting(
  deps: AppDeps,
  req: Request,
  help: { channel: Channel; label: string },
  now: Date,
): Promise<string> {
  const staff = req.session.staff
  if (!staff) throw new Error('beginAssisting needs a signed-in member of staff')
  const caseId = await openCase(deps.db, { staffId: staff.id, ...help }, now)
  await freshSession(req, { staff, lang: req.session.lang })
  req.session.assisted = {
    staffId: staff.id,
    channel: help.channel,
    consentAt: now.toISOString(),
    caseId,
    label: help.label,
  }
  return caseId
}

export function helpHandlers(deps: AppDeps) {
  const renderStart = (
    res: Response,
    form: { channel: string; consent: string; label: string },
    errorList: ErrorItem[],
  ) =>
    res.status(errorList.length ? 400 : 200).render('staff/start.njk', {
      pageTitle: res.locals.t('staff.start.title'),
      channelItems: channelItems(res, form.channel),
      consentChecked: form.consent === 'yes',
      label: form.label,
      errorList,
      labelError: errorList.find((e) => e.href === '#label'),
      channelError: errorList.find((e) => e.href === '#channel'),
      consentError: errorList.find((e) => e.href === '#consent'),
    })

  const home: Handler = async (req, res) => {
    const flash = req.session.staffFlash
    if (flash) delete req.session.staffFlash
    const staff = req.session.staff
    res.render('staff/home.njk', {
      pageTitle: res.locals.t('staff.home.title'),
      flash,
      // A line when few are left, so the member makes a new set before needing one.
      recoveryCodesLeft: staff ? recoveryCodesLeft(await unusedRecoveryCodes(deps.db, staff.id)) : undefined,
      signInSourceDays: deps.config.retention.staffSignInSourceDays,
    })
  }

  const startForm: Handler = (_req, res) => {
    renderStart(res, { channel: '', consent: '', label: '' }, [])
  }

  const start: Handler = async (req, res) => {
    const { channel, consent, label, errors } = parseChannelAndConsent(req, res)
    if (errors.length || !isChannel(channel)) return void renderStart(res, { channel, consent, label }, errors)
    const now = deps.clock()
    await beginAssisting(deps, req, { channel, label }, now)
    await saveSession(req)
    await staffAudit(deps.db, req.session.staff?.id ?? '', 'assisted-start', now)
    res.redirect(303, '/')
  }

  /** Finish and clear: the citizen's answers, drafts and context all go with the old session. */
  const finish: Handler = async (req, res) => {
    const staff = req.session.staff
    if (!staff) return res.redirect(303, '/staff/sign-in')
    const wasAssisting = Boolean(req.session.assisted)
    await freshSession(req, { staff, lang: req.session.lang })
    req.session.staffFlash = 'cleared'
    await saveSession(req)
    if (wasAssisting) await staffAudit(deps.db, staff.id, 'assisted-finish', deps.clock())
    res.redirect(303, '/staff')
  }

  /** "Finish and clear" asks first: a mistaken press would throw away the citizen's unsaved answers. */
  const confirmFinish: Handler = (req, res) => {
    if (!req.session.assisted) return res.redirect(303, '/staff')
    res.render('staff/finish.njk', { pageTitle: res.locals.t('staff.finish.title') })
  }

  return { home, startForm, start, finish, confirmFinish }
}

import type { NextFunction, Request, Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { oneOf, readInput } from '../../request-input'
import { staffAudit } from '../service/audit-log'
import { myCasesToday, ownCaseToday, relabelCase, type CaseRow } from '../service/cases'
import { isChannel } from '../channels'
import { attachDraft } from './draft-lookup'
import type { ErrorItem } from './form'
import { labelError, labelForm } from './routes-help'
import { freshSession, saveSession } from './session-reset'
import { caseSummary, caseTableRows } from './view-models'

const caseParams = z.object({ id: z.uuid().optional().catch(undefined) })
const switchInput = z.object({ confirm: oneOf('yes') })

/** Where "Continue" on the case already open goes: its application's task list, or the case's page. */
const resumeUrl = (found: CaseRow) =>
  found.openDraftId && found.application ? `/apply/${found.application}/task-list` : '/staff/case'

/**
 * "My cases today" and the case the adviser is in: the list (only their own cases, since
 * midnight), the way back into one, the current case's page and its label.
 */
export function caseHandlers(deps: AppDeps) {
  const list = async (req: Request, res: Response) => {
    const staff = req.session.staff
    if (!staff) return res.redirect(303, '/staff/sign-in')
    const now = deps.clock()
    const rows = await myCasesToday(deps.db, staff.id, now)
    await staffAudit(deps.db, staff.id, 'cases-viewed', now)
    res.render('staff/cases.njk', {
      pageTitle: res.locals.t('staff.cases.title'),
      cases: caseTableRows(res.locals.t, rows),
    })
  }

  /**
   * Back into a case: a fresh session (nothing of the case the adviser was in comes along)
   * with the case's context, and its draft taken over if one is still open. Another
   * adviser's case, or one from another day, is not found — the same answer as no case.
   * While helping someone else, it asks first ("Switch to another case?"), as "Finish and
   * clear" does: the fresh session clears that citizen's answers not yet saved.
   */
  const continueCase = async (req: Request, res: Response, next: NextFunction) => {
    const staff = req.session.staff
    if (!staff) return res.redirect(303, '/staff/sign-in')
    const { id } = readInput(caseParams, req.params)
    const now = deps.clock()
    const found = id ? await ownCaseToday(deps.db, staff.id, id, now) : undefined
    if (!found || !isChannel(found.channel)) return next()
    const helping = req.session.assisted
    // The case already in this session: nothing to switch, and nothing of it to clear.
    if (helping?.caseId === found.id) return res.redirect(303, resumeUrl(found))
    // Another case: its answers not yet saved would be cleared, so ask first.
    if (helping && readInput(switchInput, req.body).confirm !== 'yes') {
      const t = res.locals.t
      return res.render('staff/switch-case.njk', {
        pageTitle: t('staff.switchCase.title'),
        action: `/staff/cases/${found.id}/continue`,
        summaryRows: [
          { key: { text: t('staff.switchCase.now') }, value: { text: helping.label || t('staff.cases.noLabel') } },
          { key: { text: t('staff.switchCase.next') }, value: { text: found.label || t('staff.cases.noLabel') } },
        ],
      })
    }
    await freshSession(req, { staff, lang: req.session.lang })
    req.session.assisted = {
      staffId: staff.id,
      channel: found.channel,
      consentAt: found.consentAt,
      caseId: found.id,
      label: found.label,
    }
    const draft =
      found.openDraftId && found.application && found.reference
        ? { id: found.openDraftId, application: found.application, reference: found.reference }
        : undefined
    if (draft) await attachDraft(deps, req, draft)
    await saveSession(req)
    await staffAudit(deps.db, staff.id, 'case-continued', now, found.reference ?? undefined)
    res.redirect(303, draft ? `/apply/${draft.application}/task-list` : '/staff/case')
  }

  /** The case in this session, or undefined (not helping anyone, or a case no longer today's). */
  const currentCase = async (req: Request): Promise<CaseRow | undefined> => {
    const staff = req.session.staff
    const caseId = req.session.assisted?.caseId
    return staff && caseId ? ownCaseToday(deps.db, staff.id, caseId, deps.clock()) : undefined
  }

  const current = async (req: Request, res: Response) => {
    const found = await currentCase(req)
    if (!found) return res.redirect(303, '/staff/cases')
    res.render('staff/case.njk', {
      pageTitle: res.locals.t('staff.case.title'),
      summaryRows: caseSummary(res.locals.t, found),
      submitted: found.status === 'submitted',
    })
  }

  const renderLabel = (res: Response, label: string, errorList: ErrorItem[]) =>
    res.status(errorList.length ? 400 : 200).render('staff/case-label.njk', {
      pageTitle: res.locals.t('staff.label.title'),
      label,
      errorList,
      labelError: errorList[0],
    })

  const labelFormPage = async (req: Request, res: Response) => {
    const found = await currentCase(req)
    if (!found) return res.redirect(303, '/staff/cases')
    renderLabel(res, found.label, [])
  }

  const relabel = async (req: Request, res: Response) => {
    const staff = req.session.staff
    const found = await currentCase(req)
    if (!staff || !found || !req.session.assisted) return res.redirect(303, '/staff/cases')
    const { label, error } = labelError(res, readInput(labelForm, req.body).label)
    if (error) return renderLabel(res, label, [error])
    await relabelCase(deps.db, staff.id, found.id, label)
    req.session.assisted = { ...req.session.assisted, label }
    await staffAudit(deps.db, staff.id, 'case-relabelled', deps.clock(), found.reference ?? undefined)
    res.redirect(303, '/staff/case')
  }

  return { list, continueCase, current, labelForm: labelFormPage, relabel }
}

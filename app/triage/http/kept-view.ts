import type { Response } from 'express'
import { CATALOGUE, outcomeById } from '../../catalogue'
import { formatDate } from '../../i18n/format'
import { planFor } from '../plan'
import { planTasks } from '../plan-tasks'
import type { KeptPlan } from '../service/kept-plans'
import { planPage } from './plan-page'

/** The address of a kept plan's own pages: the token is the key, so it is in every one of them. */
export const keptUrl = (token: string, page = '') => `/plan/kept/${token}${page ? `/${page}` : ''}`

/**
 * The kept plan page: the plan rebuilt from the answers kept (on today's date, so ages and
 * deadlines stay right), each thing to do with its "Mark as done" form, and the progress.
 * Exported so the auditors' example (app/a11y) shows the same page with a token that opens nothing.
 */
export function renderKeptPlan(res: Response, plan: KeptPlan, token: string, today: Date): boolean {
  const t = res.locals.t
  const outcome = outcomeById(plan.outcome)
  const page = planPage(outcome, plan.answers, t, res.locals.locale, today)
  // Questions changed since the plan was kept: the answers no longer make a plan. Said as for any dead link.
  if (!page.complete) return false
  const tasks = planTasks(planFor(outcome, CATALOGUE.services, plan.answers, today))
  const done = Object.fromEntries(tasks.map((task) => [task.id, Boolean(plan.items[task.id]?.doneAt)]))
  // The plan card marks an application sent by its application id, as the session's plan does.
  const applied: Record<string, string> = {}
  for (const task of tasks) {
    const reference = plan.items[task.id]?.reference
    if (reference) for (const app of task.applications) applied[app] = reference
  }
  const count = tasks.filter((task) => done[task.id]).length
  res.render('triage/kept-plan.njk', {
    view: page.view,
    pageTitle: page.view.pageTitle,
    done,
    applied,
    progress:
      tasks.length === 1
        ? t('triage.kept.progressOne', { done: String(count) })
        : t('triage.kept.progress', { done: String(count), total: String(tasks.length) }),
    until: t('triage.kept.until', { date: formatDate(plan.expiresAt, res.locals.locale) }),
    doneAction: keptUrl(token, 'done'),
    applyAction: keptUrl(token, 'apply'),
    stopHref: keptUrl(token, 'stop'),
    outcomeId: plan.outcome,
  })
  return true
}

/** Every link that opens nothing — unknown, stopped or expired — gets this one page, so none can be told apart. */
export function renderKeptUnavailable(res: Response, days: number): void {
  const t = res.locals.t
  res.status(404).render('triage/kept-unavailable.njk', {
    pageTitle: t('triage.kept.unavailableTitle'),
    body: t('triage.kept.unavailableBody', { keptPlanDays: String(days) }),
  })
}

/** "Stop using this link?": yes or no, with the GOV.UK error when neither is chosen. */
export function renderStop(res: Response, token: string, error: boolean): void {
  const t = res.locals.t
  const message = t('triage.kept.stopError')
  res.status(error ? 400 : 200).render('triage/kept-stop.njk', {
    pageTitle: t('triage.kept.stopTitle'),
    errorList: error ? [{ text: message, href: '#confirm' }] : [],
    errorMessage: error ? { text: message, visuallyHiddenText: t('common.govuk.errorHidden') } : undefined,
    action: keptUrl(token, 'stop'),
    backHref: keptUrl(token),
  })
}

import { hasCopy, type Translate } from '../../i18n/translate'
import type { AuditRow } from '../service/audit-query'
import type { CaseRow, CaseStatus } from '../service/cases'

/** Actions from other areas may have no label yet; their kebab-case name is readable enough. */
export function actionLabel(t: Translate, action: string): string {
  const key = `staff.actions.${action}`
  return hasCopy(key) ? t(key) : action
}

/** "2026-11-25 19:20:05 UTC": auditors compare times across rows and exports, so no local style. */
export function auditTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
}

/** "19:20" in UK time, for today's cases. */
export function timeOfDay(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(
    new Date(iso),
  )
}

/** govuk-tag colours: in progress is the default blue, saved waits on the citizen, submitted is done. */
const STATUS_TAG: Record<CaseStatus, string> = {
  'in-progress': 'govuk-tag--blue',
  saved: 'govuk-tag--yellow',
  submitted: 'govuk-tag--green',
}

function serviceOf(t: Translate, row: CaseRow): string {
  return row.application && hasCopy(`${row.application}.title`)
    ? t(`${row.application}.title`)
    : t('staff.cases.noApplication')
}

/** One row of "My cases today", for the template to lay out with govuk-frontend's table, tag and button. */
export function caseTableRows(t: Translate, rows: readonly CaseRow[]) {
  return rows.map((r) => ({
    id: r.id,
    label: r.label || t('staff.cases.noLabel'),
    service: serviceOf(t, r),
    reference: r.reference ?? '',
    statusText: t(`staff.cases.status.${r.status}`),
    statusClass: STATUS_TAG[r.status],
    time: timeOfDay(r.startedAt),
    submitted: r.status === 'submitted',
  }))
}

/** The current case, as a summary list. */
export function caseSummary(t: Translate, r: CaseRow) {
  return [
    {
      key: { text: t('staff.cases.label') },
      value: { text: r.label || t('staff.cases.noLabel') },
      actions: {
        items: [
          { href: '/staff/case/label', text: t('staff.case.change'), visuallyHiddenText: t('staff.case.changeHidden') },
        ],
      },
    },
    { key: { text: t('staff.cases.service') }, value: { text: serviceOf(t, r) } },
    ...(r.reference ? [{ key: { text: t('staff.cases.reference') }, value: { text: r.reference } }] : []),
    {
      key: { text: t('staff.cases.statusHeading') },
      value: { text: t(`staff.cases.status.${r.status}`) },
    },
    { key: { text: t('staff.cases.when') }, value: { text: timeOfDay(r.startedAt) } },
    { key: { text: t('staff.case.channel') }, value: { text: t(`staff.channels.${r.channel}`) } },
  ]
}

export function auditTableRows(t: Translate, rows: readonly AuditRow[]) {
  return rows.map((r) => [
    { text: auditTime(r.at) },
    { text: r.actorEmail ?? (r.actorType === 'citizen' ? t('staff.audit.citizen') : (r.actorId ?? '')) },
    { text: actionLabel(t, r.action) },
    { text: r.reference ?? '' },
    { text: t(`staff.audit.channels.${r.channel === 'assisted' ? 'assisted' : 'online'}`) },
  ])
}

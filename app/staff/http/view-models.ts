import { hasCopy, type Translate } from '../../i18n/translate'
import type { AuditRow } from '../service/audit-query'
import type { CaseRow } from '../service/cases'

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

export function caseTableRows(t: Translate, rows: readonly CaseRow[]) {
  return rows.map((r) => [{ text: r.reference }, { text: actionLabel(t, r.lastAction) }, { text: timeOfDay(r.lastAt) }])
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

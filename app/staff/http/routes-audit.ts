import type { Request, Response } from 'express'
import type { AppDeps } from '../../deps'
import { staffAudit } from '../service/audit-log'
import { auditActions, auditAll, auditFilterSchema, auditPage, type AuditFilter } from '../service/audit-query'
import { toCsv } from '../csv'
import { AUDIT_EXPORTERS } from '../roles'
import { actionLabel, auditTableRows } from './view-models'
import { auditDates } from './audit-dates'

function filterFrom(req: Request): AuditFilter {
  const parsed = auditFilterSchema.safeParse(req.query)
  const filter = parsed.success ? parsed.data : {}
  // Empty form fields arrive as '' and mean "no filter".
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '' && v !== undefined)) as AuditFilter
}

function queryString(filter: AuditFilter, page?: number): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...filter, page })) {
    if (value !== undefined && value !== '' && key !== 'page') params.set(key, String(value))
  }
  if (page && page > 1) params.set('page', String(page))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The audit trail, read-only: view and filter (auditors, admins), export as CSV (admins). */
export function auditHandlers(deps: AppDeps) {
  const list = async (req: Request, res: Response) => {
    const staff = req.session.staff
    if (!staff) return res.redirect(303, '/staff/sign-in')
    const t = res.locals.t
    const now = deps.clock()
    const typed = filterFrom(req)
    const dates = auditDates(req, t, now, typed)
    const { from: _from, to: _to, ...rest } = typed
    const filter: AuditFilter = {
      ...rest,
      ...(dates.from ? { from: dates.from } : {}),
      ...(dates.to ? { to: dates.to } : {}),
    }
    const page = filter.page ?? 1
    const [{ rows, hasMore }, actions] = await Promise.all([auditPage(deps.db, filter), auditActions(deps.db)])
    await staffAudit(deps.db, staff.id, 'audit-viewed', now)
    res.status(dates.errors.length ? 400 : 200).render('staff/audit.njk', {
      pageTitle: t('staff.audit.title'),
      filter,
      dates: dates.fields,
      errorList: dates.errors,
      fromError: dates.errors.find((e) => e.href.startsWith('#from')),
      toError: dates.errors.find((e) => e.href.startsWith('#to')),
      tableRows: auditTableRows(t, rows),
      actionItems: [
        { value: '', text: t('staff.audit.filters.anyAction') },
        ...actions.map((a) => ({ value: a, text: actionLabel(t, a), selected: a === filter.action })),
      ],
      canExport: AUDIT_EXPORTERS.includes(staff.role),
      exportHref: `/staff/audit.csv${queryString({ ...filter, page: undefined })}`,
      previousHref: page > 1 ? `/staff/audit${queryString(filter, page - 1)}` : undefined,
      nextHref: hasMore ? `/staff/audit${queryString(filter, page + 1)}` : undefined,
    })
  }

  const exportCsv = async (req: Request, res: Response) => {
    const staff = req.session.staff
    if (!staff) return res.redirect(303, '/staff/sign-in')
    const filter = filterFrom(req)
    const rows = await auditAll(deps.db, filter)
    const now = deps.clock()
    await staffAudit(deps.db, staff.id, 'audit-exported', now)
    const csv = toCsv(
      ['id', 'at', 'actor_type', 'actor_id', 'actor_email', 'action', 'reference', 'channel'],
      rows.map((r) => [r.id, r.at, r.actorType, r.actorId, r.actorEmail, r.action, r.reference, r.channel]),
    )
    res.type('text/csv; charset=utf-8')
    res.setHeader('Content-Disposition', `attachment; filename="audit-${now.toISOString().slice(0, 10)}.csv"`)
    res.send(csv)
  }

  return { list, exportCsv }
}

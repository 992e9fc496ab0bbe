import { z } from 'zod'
import type { Queryable, SqlValue } from '../../store/db'

/** The filters on /staff/audit, from the query string. Anything unparseable is simply ignored. */
export const auditFilterSchema = z.object({
  action: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional()
    .catch(undefined),
  reference: z
    .string()
    .trim()
    .max(40)
    .transform((v) => v.toUpperCase())
    .optional()
    .catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
})
export type AuditFilter = z.infer<typeof auditFilterSchema>

export interface AuditRow {
  id: string
  at: string
  actorType: string
  actorId: string | null
  actorEmail: string | null
  action: string
  reference: string | null
  channel: string
}

export const PAGE_SIZE = 50

function where(filter: AuditFilter): { sql: string; params: SqlValue[] } {
  const clauses: string[] = []
  const params: SqlValue[] = []
  const add = (clause: string, value: SqlValue) => {
    params.push(value)
    clauses.push(clause.replaceAll('?', `$${params.length}`))
  }
  if (filter.action) add('e.action = ?', filter.action)
  if (filter.reference) add('e.reference = ?', filter.reference)
  if (filter.actor) add('(s.email = ? OR e.actor_id = ?)', filter.actor.toLowerCase())
  if (filter.from) add('e.at >= ?', `${filter.from}T00:00:00.000Z`)
  if (filter.to) add('e.at < ?', nextDay(filter.to))
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString()
}

const SELECT = `SELECT e.id, e.at, e.actor_type, e.actor_id, s.email AS actor_email, e.action, e.reference, e.channel
  FROM audit_events e LEFT JOIN staff_accounts s ON s.id = e.actor_id`

interface Row {
  id: string
  at: string
  actor_type: string
  actor_id: string | null
  actor_email: string | null
  action: string
  reference: string | null
  channel: string
}

const toRow = (r: Row): AuditRow => ({
  id: r.id,
  at: r.at,
  actorType: r.actor_type,
  actorId: r.actor_id,
  actorEmail: r.actor_email,
  action: r.action,
  reference: r.reference,
  channel: r.channel,
})

/** One page of events, newest first, and whether there is another page. */
export async function auditPage(q: Queryable, filter: AuditFilter): Promise<{ rows: AuditRow[]; hasMore: boolean }> {
  const { sql, params } = where(filter)
  const offset = ((filter.page ?? 1) - 1) * PAGE_SIZE
  const rows = await q.all<Row>(
    `${SELECT} ${sql} ORDER BY e.at DESC, e.id LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}`,
    params,
  )
  return { rows: rows.slice(0, PAGE_SIZE).map(toRow), hasMore: rows.length > PAGE_SIZE }
}

/** Every matching event, oldest first, for the CSV export. */
export async function auditAll(q: Queryable, filter: AuditFilter): Promise<AuditRow[]> {
  const { sql, params } = where(filter)
  const rows = await q.all<Row>(`${SELECT} ${sql} ORDER BY e.at, e.id`, params)
  return rows.map(toRow)
}

/** The distinct actions on the trail, for the filter's select. */
export async function auditActions(q: Queryable): Promise<string[]> {
  const rows = await q.all<{ action: string }>('SELECT DISTINCT action FROM audit_events ORDER BY action')
  return rows.map((r) => r.action)
}

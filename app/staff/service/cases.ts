import type { Queryable } from '../../store/db'

export interface CaseRow {
  reference: string
  lastAction: string
  lastAt: string
}

/** Midnight UTC at the start of `now`'s day, as ISO text comparable with stored timestamps. */
export function startOfDay(now: Date): string {
  return `${now.toISOString().slice(0, 10)}T00:00:00.000Z`
}

/**
 * An adviser's cases today, drawn from the audit trail: every reference they touched
 * (started, resumed, submitted) since midnight, latest first. The trail holds only
 * references, so this page shows nothing personal either.
 */
export async function myCasesToday(q: Queryable, staffId: string, now: Date): Promise<CaseRow[]> {
  const rows = await q.all<{ reference: string; action: string; at: string }>(
    `SELECT reference, action, at FROM audit_events
     WHERE actor_type = 'staff' AND actor_id = $1 AND reference IS NOT NULL AND at >= $2
     ORDER BY at DESC, id`,
    [staffId, startOfDay(now)],
  )
  const seen = new Map<string, CaseRow>()
  for (const row of rows) {
    if (!seen.has(row.reference))
      seen.set(row.reference, { reference: row.reference, lastAction: row.action, lastAt: row.at })
  }
  return [...seen.values()]
}

import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../store/db'
import type { Channel } from '../channels'

export type CaseStatus = 'in-progress' | 'saved' | 'submitted'

export interface CaseRow {
  id: string
  label: string
  channel: Channel
  consentAt: string
  startedAt: string
  /** The application worked on in the case, if one was started or resumed. */
  application: string | null
  reference: string | null
  status: CaseStatus
  /** A draft the adviser can go back into (not sent, not expired). */
  openDraftId: string | null
}

/** Midnight UTC at the start of `now`'s day, as ISO text comparable with stored timestamps. */
export function startOfDay(now: Date): string {
  return `${now.toISOString().slice(0, 10)}T00:00:00.000Z`
}

export async function openCase(
  q: Queryable,
  input: { staffId: string; label: string; channel: Channel },
  now: Date,
): Promise<string> {
  const id = randomUUID()
  const at = now.toISOString()
  await q.run(
    'INSERT INTO staff_cases (id, staff_id, label, channel, consent_at, started_at) VALUES ($1, $2, $3, $4, $5, $5)',
    [id, input.staffId, input.label, input.channel, at],
  )
  return id
}

/** Only the adviser's own case can be relabelled; false when it is not theirs. */
export async function relabelCase(q: Queryable, staffId: string, caseId: string, label: string): Promise<boolean> {
  const result = await q.run('UPDATE staff_cases SET label = $3 WHERE id = $1 AND staff_id = $2', [
    caseId,
    staffId,
    label,
  ])
  return result.changes === 1
}

/** A draft resumed within a case belongs to it from now on (its status is the case's). */
export async function linkDraftToCase(q: Queryable, draftId: string, caseId: string): Promise<void> {
  await q.run('UPDATE application_drafts SET case_id = $2 WHERE id = $1', [draftId, caseId])
}

interface Joined {
  id: string
  label: string
  channel: Channel
  consent_at: string
  started_at: string
  application: string | null
  reference: string | null
  submitted_at: string | null
  link_address: string | null
  expires_at: string | null
  draft_id: string | null
}

/**
 * Cases with the state of their latest draft: submitted once sent, saved once a link to it
 * was sent (save and come back later), in progress otherwise — with no application yet too.
 */
function toRows(rows: readonly Joined[], now: Date): CaseRow[] {
  const at = now.toISOString()
  const byCase = new Map<string, CaseRow>()
  for (const r of rows) {
    // Rows come latest draft first within a case: the first one seen speaks for it.
    if (byCase.has(r.id)) continue
    const status: CaseStatus = r.submitted_at ? 'submitted' : r.link_address ? 'saved' : 'in-progress'
    byCase.set(r.id, {
      id: r.id,
      label: r.label,
      channel: r.channel,
      consentAt: r.consent_at,
      startedAt: r.started_at,
      application: r.application,
      reference: r.reference,
      status,
      openDraftId: r.draft_id && !r.submitted_at && (r.expires_at ?? '') > at ? r.draft_id : null,
    })
  }
  return [...byCase.values()]
}

const SELECT_CASES = `SELECT c.id, c.label, c.channel, c.consent_at, c.started_at,
    d.application, d.reference, d.submitted_at, d.link_address, d.expires_at, d.id AS draft_id
  FROM staff_cases c LEFT JOIN application_drafts d ON d.case_id = c.id`

/**
 * An adviser's cases since midnight, latest first. Only ever their own: the list, and every
 * way back into a case, asks by the adviser's id as well as the case's.
 */
export async function myCasesToday(q: Queryable, staffId: string, now: Date): Promise<CaseRow[]> {
  const rows = await q.all<Joined>(
    `${SELECT_CASES} WHERE c.staff_id = $1 AND c.started_at >= $2
     ORDER BY c.started_at DESC, c.id, d.updated_at DESC`,
    [staffId, startOfDay(now)],
  )
  return toRows(rows, now)
}

/** One of the adviser's own cases from today, or undefined (another adviser's, an older one, none). */
export async function ownCaseToday(
  q: Queryable,
  staffId: string,
  caseId: string,
  now: Date,
): Promise<CaseRow | undefined> {
  const rows = await q.all<Joined>(
    `${SELECT_CASES} WHERE c.id = $1 AND c.staff_id = $2 AND c.started_at >= $3 ORDER BY d.updated_at DESC`,
    [caseId, staffId, startOfDay(now)],
  )
  return toRows(rows, now)[0]
}

import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../store/db'
import { cleanAnswers, type Answers } from '../answers'
import { newReference } from '../reference'

/** Drafts live 28 days from their last change, then the purge removes them. */
export const DRAFT_DAYS = 28

export interface DraftMeta {
  /** Fields whose value came from the triage (field id → triage question). */
  prefilled: Record<string, string>
  /** Pages the citizen has been through, so a skipped optional field still counts as done. */
  visited: string[]
}

export interface Draft {
  id: string
  application: string
  reference: string
  answers: Answers
  meta: DraftMeta
  channel: 'online' | 'assisted'
  staffId: string | null
  consentAt: string | null
  locale: string
  createdAt: string
  expiresAt: string
  submittedAt: string | null
  /** SHA-256 of the holding session's key (see draft-ownership.ts); null for drafts older than it. */
  holderHash: string | null
  /** The one address links to this draft go to, once saved for later. */
  linkAddress: string | null
}

interface DraftRow {
  id: string
  application: string
  reference: string
  answers: string
  meta: string
  channel: 'online' | 'assisted'
  staff_id: string | null
  consent_at: string | null
  locale: string
  created_at: string
  expires_at: string
  submitted_at: string | null
  holder_hash: string | null
  link_address: string | null
}

function fromRow(row: DraftRow): Draft {
  const meta = JSON.parse(row.meta) as Partial<DraftMeta>
  return {
    id: row.id,
    application: row.application,
    reference: row.reference,
    answers: cleanAnswers(JSON.parse(row.answers)),
    meta: { prefilled: meta.prefilled ?? {}, visited: meta.visited ?? [] },
    channel: row.channel,
    staffId: row.staff_id,
    consentAt: row.consent_at,
    locale: row.locale,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    submittedAt: row.submitted_at,
    holderHash: row.holder_hash,
    linkAddress: row.link_address,
  }
}

export function expiryFrom(now: Date): string {
  return new Date(now.getTime() + DRAFT_DAYS * 24 * 60 * 60 * 1000).toISOString()
}

export interface NewDraft {
  application: string
  prefix: string
  channel: 'online' | 'assisted'
  staffId: string | null
  consentAt: string | null
  /** The adviser's case it is started in, if any: "My cases today" reads its state. */
  caseId: string | null
  locale: string
  /** SHA-256 of the key the creating session holds. */
  holderHash: string
}

export async function createDraft(q: Queryable, input: NewDraft, now: Date): Promise<Draft> {
  const id = randomUUID()
  const at = now.toISOString()
  // A clash of references is ~1 in 10^10 per pair; retrying on the UNIQUE index covers it.
  for (let attempt = 0; ; attempt++) {
    const reference = newReference(input.prefix)
    const result = await q.run(
      `INSERT INTO application_drafts (id, application, reference, answers, meta, channel, staff_id, consent_at, locale, created_at, updated_at, expires_at, submitted_at, holder_hash, case_id)
       VALUES ($1, $2, $3, '{}', '{}', $4, $5, $6, $7, $8, $8, $9, NULL, $10, $11) ON CONFLICT (reference) DO NOTHING`,
      [
        id,
        input.application,
        reference,
        input.channel,
        input.staffId,
        input.consentAt,
        input.locale,
        at,
        expiryFrom(now),
        input.holderHash,
        input.caseId,
      ],
    )
    if (result.changes === 1) break
    if (attempt > 5) throw new Error('could not allocate a unique reference')
  }
  const draft = await findDraft(q, id)
  if (!draft) throw new Error('draft vanished after insert')
  return draft
}

export async function findDraft(q: Queryable, id: string): Promise<Draft | undefined> {
  const row = await q.get<DraftRow>('SELECT * FROM application_drafts WHERE id = $1', [id])
  return row ? fromRow(row) : undefined
}

export async function findDraftByReference(q: Queryable, reference: string): Promise<Draft | undefined> {
  const row = await q.get<DraftRow>('SELECT * FROM application_drafts WHERE reference = $1', [reference])
  return row ? fromRow(row) : undefined
}

/** Saves answers and pushes the expiry out: 28 days from the last change. Never touches a submitted draft. */
export async function saveDraft(q: Queryable, draft: Pick<Draft, 'id' | 'answers' | 'meta'>, now: Date): Promise<void> {
  await q.run(
    'UPDATE application_drafts SET answers = $2, meta = $3, updated_at = $4, expires_at = $5 WHERE id = $1 AND submitted_at IS NULL',
    [draft.id, JSON.stringify(draft.answers), JSON.stringify(draft.meta), now.toISOString(), expiryFrom(now)],
  )
}

/** Removes expired drafts and their resume links. Submitted ones keep nothing worth keeping either. */
export async function purgeExpiredDrafts(q: Queryable, now: Date): Promise<number> {
  const at = now.toISOString()
  await q.run(
    'DELETE FROM resume_tokens WHERE expires_at <= $1 OR draft_id IN (SELECT id FROM application_drafts WHERE expires_at <= $1)',
    [at],
  )
  const result = await q.run('DELETE FROM application_drafts WHERE expires_at <= $1', [at])
  return result.changes
}

/**
 * An adviser takes over a draft (assisted digital): the submission will record channel
 * `assisted`, the adviser and when the citizen consented. Never touches a sent draft.
 */
export async function markDraftAssisted(
  q: Queryable,
  draftId: string,
  assisted: { staffId: string; consentAt: string },
): Promise<void> {
  await q.run(
    `UPDATE application_drafts SET channel = 'assisted', staff_id = $2, consent_at = $3 WHERE id = $1 AND submitted_at IS NULL`,
    [draftId, assisted.staffId, assisted.consentAt],
  )
}

import { randomUUID } from 'node:crypto'
import type { Db, Queryable } from '../../store/db'
import { recordAudit } from '../../audit/service/record'
import { enqueue } from '../../notify/outbox'
import type { Application } from '../definition'
import type { Draft } from './draft-repository'
import { applicableAnswers, isReadyToSubmit } from '../progress'
import type { Channel } from './journey'
import type { Actor } from './save-return'

export type SubmitResult = { reference: string; alreadySubmitted: boolean } | { incomplete: true }

/**
 * Recorded as sent by whoever sends it (`by`, from the sending session): a citizen who
 * finishes a draft an adviser once worked on sends it online, as their own.
 *
 * Exactly once: the draft id is the idempotency key. The submission row, its audit event,
 * the confirmation email and the draft's "submitted" mark are written in ONE transaction,
 * and the UNIQUE index on `submissions.draft_id` turns a second, concurrent submit into a
 * no-op (ON CONFLICT DO NOTHING) that answers with the reference already stored. On
 * SQLite the transaction is serialised; on PostgreSQL the second INSERT waits for the
 * first to commit and then does nothing. Either way both requests see one reference.
 */
export async function submitDraft(
  db: Db,
  app: Application,
  draft: Draft,
  now: Date,
  serviceUrl: string,
  by: { channel: Channel; actor: Actor },
): Promise<SubmitResult> {
  const existing = await submittedReference(db, draft.id)
  if (existing) return { reference: existing, alreadySubmitted: true }
  if (!isReadyToSubmit(app, draft.answers)) return { incomplete: true }
  return db.transaction(async (tx) => {
    const at = now.toISOString()
    const answers = applicableAnswers(app, draft.answers)
    const inserted = await tx.run(
      `INSERT INTO submissions (id, draft_id, reference, application, answers, channel, staff_id, consent_at, locale, started_at, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (draft_id) DO NOTHING`,
      [
        randomUUID(),
        draft.id,
        draft.reference,
        app.id,
        JSON.stringify(answers),
        by.channel.channel,
        by.channel.staffId,
        by.channel.consentAt,
        draft.locale,
        draft.createdAt,
        at,
      ],
    )
    if (inserted.changes === 0) {
      const reference = await submittedReference(tx, draft.id)
      if (!reference) throw new Error('submission conflict without a stored submission')
      return { reference, alreadySubmitted: true }
    }
    // The draft keeps only its shell: the answers now live in the submission alone.
    await tx.run(`UPDATE application_drafts SET submitted_at = $2, answers = '{}' WHERE id = $1`, [draft.id, at])
    await tx.run('DELETE FROM resume_tokens WHERE draft_id = $1', [draft.id])
    await recordAudit(tx, { at, ...by.actor, action: 'application-submitted', reference: draft.reference })
    const email = answers[app.emailField]
    if (typeof email === 'string') {
      await enqueue(
        tx,
        {
          template: 'application-submitted',
          recipient: email,
          personalisation: { reference: draft.reference, application: app.id, locale: draft.locale, serviceUrl },
        },
        at,
      )
    }
    return { reference: draft.reference, alreadySubmitted: false }
  })
}

export async function submittedReference(q: Queryable, draftId: string): Promise<string | undefined> {
  const row = await q.get<{ reference: string }>('SELECT reference FROM submissions WHERE draft_id = $1', [draftId])
  return row?.reference
}

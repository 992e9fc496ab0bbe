import type { Db } from '../../store/db'
import { recordAudit } from '../../audit/service/record'
import { enqueue } from '../../notify/outbox'
import type { Draft } from './draft-repository'
import { findDraftByReference } from './draft-repository'
import { issueResumeToken } from './resume-tokens'
import { parseReference } from '../reference'
import { applicationById } from '../registry'

/**
 * Saves a draft for later: a one-time link by email (the token and the email are written
 * in one transaction, so the link always exists when the email does) and an audit line.
 */
export async function saveForLater(db: Db, draft: Draft, email: string, now: Date, serviceUrl: string): Promise<void> {
  await db.transaction(async (tx) => {
    const token = await issueResumeToken(tx, draft.id, now)
    const at = now.toISOString()
    await enqueue(
      tx,
      {
        template: 'draft-saved',
        recipient: email,
        personalisation: {
          reference: draft.reference,
          link: `${serviceUrl}/apply/resume/${token}`,
          expires: draft.expiresAt.slice(0, 10),
          locale: draft.locale,
        },
      },
      at,
    )
    await recordAudit(tx, {
      at,
      actorType: draft.channel === 'assisted' ? 'staff' : 'citizen',
      actorId: draft.staffId,
      action: 'draft-saved',
      reference: draft.reference,
      channel: draft.channel,
    })
  })
}

/**
 * Finds a saved draft by reference and date of birth. Every failure looks the same to the
 * caller (undefined): unknown reference, wrong date of birth, sent or expired draft, so
 * the answer reveals nothing about which references exist.
 */
/** In the reference shape, but with 0, which the reference alphabet leaves out: no draft has it. */
const NEVER_ISSUED = 'XXX-0000-0000'

export async function findByReferenceAndBirth(
  db: Db,
  referenceInput: string,
  dateOfBirth: string,
  now: Date,
): Promise<Draft | undefined> {
  const reference = parseReference(referenceInput)
  // Look a reference up even when malformed, so timing says as little as possible — but one
  // that can never have been issued, not what was typed: a NUL or stray bytes must not reach
  // the database (PostgreSQL refuses a NUL in text, which was a 500).
  const draft = await findDraftByReference(db, reference ?? NEVER_ISSUED)
  if (!reference || !draft || draft.submittedAt || draft.expiresAt <= now.toISOString()) return undefined
  const app = applicationById(draft.application)
  const stored = app ? draft.answers[app.dateOfBirthField] : undefined
  return typeof stored === 'string' && stored === dateOfBirth ? draft : undefined
}

import type { Db } from '../../store/db'
import { recordAudit } from '../../audit/service/record'
import { enqueue } from '../../notify/outbox'
import type { Draft } from './draft-repository'
import { findDraftByReference } from './draft-repository'
import { issueResumeToken } from './resume-tokens'
import { revokeDraftLinks } from './draft-ownership'
import type { RateLimit } from '../../security/limits'
import { parseReference } from '../reference'
import { applicationById } from '../registry'

/** Who did something to a draft, for the audit trail. */
export interface Actor {
  actorType: 'citizen' | 'staff'
  actorId: string | null
  channel: 'online' | 'assisted'
}

/**
 * Links to saved drafts are limited (checked broadest first, see app/security/limits.ts):
 * per client address and per session (someone sending many), per draft (one draft mailed
 * over and over) and per email address (one inbox flooded from many drafts). Together they
 * also cap how much of the service's daily Notify allowance anyone can spend.
 */
export const LINK_LIMITS = {
  perAddress: { name: 'draft-link-address', points: 20, windowSeconds: 60 * 60 },
  perSession: { name: 'draft-link-session', points: 5, windowSeconds: 60 * 60 },
  perDraft: { name: 'draft-link-draft', points: 3, windowSeconds: 24 * 60 * 60 },
  perEmail: { name: 'draft-link-email', points: 3, windowSeconds: 24 * 60 * 60 },
} as const satisfies Record<string, RateLimit>

/** The key an email address is counted under: the same inbox however it was typed. */
export const emailKey = (email: string) => email.trim().toLowerCase()

/**
 * Sends a one-time link to the draft to `email`, which becomes the draft's one address:
 * every earlier link is revoked first, so at most one link is live. The revocation, the
 * token, the email and the audit line are written in one transaction, so the link always
 * exists when the email does.
 */
export async function sendDraftLink(
  db: Db,
  draft: Draft,
  email: string,
  now: Date,
  serviceUrl: string,
  actor: Actor,
  action: 'draft-saved' | 'draft-link-resent' = 'draft-saved',
): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeDraftLinks(tx, draft.id)
    await tx.run('UPDATE application_drafts SET link_address = $2 WHERE id = $1', [draft.id, email])
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
    await recordAudit(tx, { at, ...actor, action, reference: draft.reference })
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

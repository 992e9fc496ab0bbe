import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Queryable } from '../../store/db'
import type { Draft } from './draft-repository'
import { hashToken } from './resume-tokens'

/**
 * Who may read a draft. A draft holds a citizen's personal data, so exactly one party can
 * read it at a time:
 * - the session holding the draft's key (a random 32-byte secret; the draft stores only its
 *   SHA-256). The session that starts a draft gets it;
 * - the holder of the one live link, sent to the draft's one email address. Using the link
 *   (a deliberate POST) gives that browser a NEW key, so every other session — including
 *   the one that sent the link — loses the draft; and issuing a link revokes all earlier ones;
 * - an adviser, signed in, who resumes it with the citizen's reference and date of birth
 *   (audited); that too takes a new key.
 * Resuming by reference and date of birth as a citizen only sends a fresh link to the
 * draft's address: knowing a reference (and guessing a birthday) reads nothing.
 */
export function newHolderKey(): { key: string; hash: string } {
  const key = randomBytes(32).toString('base64url')
  return { key, hash: hashToken(key) }
}

/** Whether `key` is the draft's current holder key. Drafts older than ownership (NULL) open by id, as before. */
export function holds(draft: Pick<Draft, 'holderHash'>, key: string | undefined): boolean {
  if (draft.holderHash === null) return true
  if (!key) return false
  const given = Buffer.from(hashToken(key), 'hex')
  const stored = Buffer.from(draft.holderHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}

/** Gives the draft a new holder key and returns it: every other session loses the draft. */
export async function takeHold(q: Queryable, draftId: string): Promise<string> {
  const { key, hash } = newHolderKey()
  await q.run('UPDATE application_drafts SET holder_hash = $2 WHERE id = $1', [draftId, hash])
  return key
}

/**
 * Revokes every emailed link to the draft. Used when a new link is sent (one live link at a
 * time), when a link is used, and by "Delete my answers".
 */
export async function revokeDraftLinks(q: Queryable, draftId: string): Promise<number> {
  return (await q.run('DELETE FROM resume_tokens WHERE draft_id = $1', [draftId])).changes
}

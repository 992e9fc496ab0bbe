import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../../store/db'
import { expiryFrom } from './draft-repository'

/**
 * One-time resume links. Only the SHA-256 of the token is stored: someone reading the
 * database cannot build a working link. A token is 32 random bytes, so a plain hash (no
 * salt or stretching) is enough — there is nothing to guess.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function issueResumeToken(q: Queryable, draftId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await q.run('INSERT INTO resume_tokens (token_hash, draft_id, expires_at, used_at) VALUES ($1, $2, $3, NULL)', [
    hashToken(token),
    draftId,
    expiryFrom(now),
  ])
  return token
}

/** Whether a token is live (known, unused, unexpired) without using it: a mail scanner's GET may look. */
export async function isLiveResumeToken(q: Queryable, token: string, now: Date): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false
  const row = await q.get(
    'SELECT draft_id FROM resume_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
    [hashToken(token), now.toISOString()],
  )
  return row !== undefined
}

/**
 * Uses a token (only ever on a deliberate POST): the UPDATE that marks it used is also the check, so two clicks on the same
 * link race to one winner. Returns the draft id, or undefined when unknown, used or expired.
 */
export async function redeemResumeToken(q: Queryable, token: string, now: Date): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined
  const hash = hashToken(token)
  const at = now.toISOString()
  const result = await q.run(
    'UPDATE resume_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2',
    [hash, at],
  )
  if (result.changes !== 1) return undefined
  const row = await q.get<{ draft_id: string }>('SELECT draft_id FROM resume_tokens WHERE token_hash = $1', [hash])
  return row?.draft_id
}

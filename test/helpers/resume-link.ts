import { hashToken } from '../../app/applications/service/resume-tokens'
import type { Db } from '../../app/store/db'

/**
 * The path of the one live link emailed to `recipient` (the outbox is read as the email
 * would be). Found by its token, not by time: the test app's clock is pinned, so every row
 * has the same time, and only one link to a draft is live at once.
 */
export async function liveLinkTo(db: Db, recipient: string): Promise<string> {
  const rows = await db.all<{ personalisation: string }>(
    "SELECT personalisation FROM outbox WHERE template = 'draft-saved' AND recipient = $1",
    [recipient],
  )
  for (const row of rows) {
    const path = new URL((JSON.parse(row.personalisation) as { link: string }).link).pathname
    const live = await db.get('SELECT draft_id FROM resume_tokens WHERE token_hash = $1 AND used_at IS NULL', [
      hashToken(path.split('/').pop() ?? ''),
    ])
    if (live) return path
  }
  throw new Error(`no live link to ${recipient}`)
}

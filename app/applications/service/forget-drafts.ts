import type { Db } from '../../store/db'
import { findDraft } from './draft-repository'
import { holds } from './draft-ownership'

/** What a session says it holds: application id → draft id, and draft id → holder key. */
export interface HeldDrafts {
  applications?: Record<string, string>
  draftKeys?: Record<string, string>
}

export interface Forgotten {
  /** Applications whose unsent draft was deleted, by application id, in the session's order. */
  applications: string[]
  /** Emailed links to those drafts that no longer work. */
  links: number
}

/** The unsent drafts this session still holds (its key matches), by application id: what "Delete my answers" would delete. */
export async function heldUnsentDrafts(db: Db, held: HeldDrafts): Promise<{ application: string; draftId: string }[]> {
  const found: { application: string; draftId: string }[] = []
  for (const [application, draftId] of Object.entries(held.applications ?? {})) {
    const draft = await findDraft(db, draftId)
    if (draft && draft.submittedAt === null && holds(draft, held.draftKeys?.[draftId]))
      found.push({ application, draftId })
  }
  return found
}

/**
 * "Delete my answers": deletes the unsent drafts this session holds, and every emailed link
 * to them, in one transaction. Only drafts the session still holds (its key matches): a
 * draft another browser has since taken over through a link is that browser's now, and a
 * sent application is with its provider, so neither is this session's to delete.
 */
export async function forgetHeldDrafts(db: Db, held: HeldDrafts): Promise<Forgotten> {
  const forgotten: Forgotten = { applications: [], links: 0 }
  for (const { application, draftId } of await heldUnsentDrafts(db, held)) {
    const links = await db.transaction(async (tx) => {
      const revoked = await tx.run('DELETE FROM resume_tokens WHERE draft_id = $1', [draftId])
      await tx.run('DELETE FROM application_drafts WHERE id = $1 AND submitted_at IS NULL', [draftId])
      return revoked.changes
    })
    forgotten.applications.push(application)
    forgotten.links += links
  }
  return forgotten
}

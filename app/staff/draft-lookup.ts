import type { Request } from 'express'
import type { AppDeps } from '../deps'

export interface ResumableDraft {
  id: string
  application: string
  reference: string
}

/**
 * Finds a citizen's saved draft by reference and date of birth (ISO). Every failure looks
 * the same (undefined). The applications area owns drafts; until its code is on main there
 * is nothing to find.
 */
export async function findDraftForResume(
  _deps: AppDeps,
  _reference: string,
  _dateOfBirth: string,
): Promise<ResumableDraft | undefined> {
  return undefined
}

/** From now on the draft is being completed by staff: its submission records them. */
export async function markDraftAssisted(
  _deps: AppDeps,
  _draftId: string,
  _assisted: { staffId: string; consentAt: string },
): Promise<void> {}

/** The resumed draft becomes this browser's draft for its application. */
export function attachDraft(_req: Request, _draft: ResumableDraft): void {}

import type { Request } from 'express'
import type { AppDeps } from '../deps'
import { findByReferenceAndBirth } from '../applications/save-return'
import { markDraftAssisted as markAssisted } from '../applications/draft-repository'

export interface ResumableDraft {
  id: string
  application: string
  reference: string
}

/**
 * Finds a citizen's saved draft by reference and date of birth (ISO). Every failure looks
 * the same (undefined): the applications area's own resume look-up.
 */
export async function findDraftForResume(
  deps: AppDeps,
  reference: string,
  dateOfBirth: string,
): Promise<ResumableDraft | undefined> {
  const draft = await findByReferenceAndBirth(deps.db, reference, dateOfBirth, deps.clock())
  return draft ? { id: draft.id, application: draft.application, reference: draft.reference } : undefined
}

/** From now on the draft is being completed by staff: its submission records them. */
export async function markDraftAssisted(
  deps: AppDeps,
  draftId: string,
  assisted: { staffId: string; consentAt: string },
): Promise<void> {
  await markAssisted(deps.db, draftId, assisted)
}

/** The resumed draft becomes this browser's draft for its application. */
export function attachDraft(req: Request, draft: ResumableDraft): void {
  req.session.applications = { ...req.session.applications, [draft.application]: draft.id }
}

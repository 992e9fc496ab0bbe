import type { Request } from 'express'
import { markDraftAssisted as markAssisted } from '../../applications/service/draft-repository'
import { findByReferenceAndBirth } from '../../applications/service/save-return'
import type { AppDeps } from '../../deps'
import { takeDraft } from '../../applications/http/request'

export interface ResumableDraft {
  id: string
  application: string
  reference: string
}

/**
 * Finds a citizen's saved draft by reference and date of birth (ISO), through the
 * applications' own look-up: every failure (unknown, wrong date, sent, expired) looks the same.
 */
export async function findDraftForResume(
  deps: AppDeps,
  reference: string,
  dateOfBirth: string,
): Promise<ResumableDraft | undefined> {
  const draft = await findByReferenceAndBirth(deps.db, reference, dateOfBirth, deps.clock())
  return draft ? { id: draft.id, application: draft.application, reference: draft.reference } : undefined
}

/**
 * From now on the draft is being completed by staff, so its submission records the
 * assisted channel, the adviser and when the citizen agreed. Never touches a sent draft.
 */
export async function markDraftAssisted(
  deps: AppDeps,
  draftId: string,
  assisted: { staffId: string; consentAt: string },
): Promise<void> {
  await markAssisted(deps.db, draftId, assisted)
}

/**
 * The resumed draft becomes this browser's draft for its application, through the
 * applications' own take-over: a new holder key (the citizen's other sessions and links
 * lose it) and a new session id.
 */
export function attachDraft(deps: AppDeps, req: Request, draft: ResumableDraft): Promise<void> {
  return takeDraft(deps, req, draft)
}

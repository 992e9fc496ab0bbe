import type { Db } from '../../store/db'
import type { Locale } from '../../i18n/locales'
import type { Answers, OutcomeId } from '../../catalogue/types'
import { findDraft } from '../../applications/service/draft-repository'
import { sendDraftLink } from '../../applications/service/save-return'
import { keepPlan } from '../../triage/service/kept-plans'
import { staffAudit } from './audit-log'

/** What an adviser can hand over from a case: the citizen's plan, or their saved application. */
export type Handover =
  | { kind: 'plan'; outcome: OutcomeId; answers: Answers; language: Locale }
  | { kind: 'application'; draftId: string; reference: string }

/**
 * Sends the citizen what the adviser and they worked on, to the address the citizen gave,
 * through the portal's own ways of doing so: a kept plan's private link (triage), or a
 * one-time link to the saved application (save and come back later). The citizen's
 * agreement is recorded first, on the audit trail: who (the adviser), when, and what was
 * sent (the action, and the application's reference) — never the address, which only the
 * outbox holds until the email is sent, as for any email the portal sends.
 */
export async function handOver(
  db: Db,
  staffId: string,
  what: Handover,
  email: string,
  now: Date,
  options: { serviceUrl: string; keptPlanDays: number },
): Promise<boolean> {
  if (what.kind === 'plan') {
    await staffAudit(db, staffId, 'handover-plan', now)
    await keepPlan(db, { outcome: what.outcome, answers: what.answers, language: what.language, email }, now, {
      days: options.keptPlanDays,
      serviceUrl: options.serviceUrl,
    })
    return true
  }
  const draft = await findDraft(db, what.draftId)
  if (!draft || draft.submittedAt || draft.expiresAt <= now.toISOString()) return false
  await staffAudit(db, staffId, 'handover-application', now, draft.reference)
  await sendDraftLink(db, draft, email, now, options.serviceUrl, {
    actorType: 'staff',
    actorId: staffId,
    channel: 'assisted',
  })
  return true
}

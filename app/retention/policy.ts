/**
 * How long the portal keeps each kind of data, from configuration (RETENTION_* variables,
 * docs/deployment.md), shown on the privacy page and enforced by the scheduled purge
 * (purge.ts). Every figure counts from the event named.
 */
export interface RetentionPolicy {
  /** Sessions (unsaved answers): minutes after the last request; the session store expires them. */
  sessionMinutes: number
  /** Drafts and their links: days after the last change. */
  draftDays: number
  /** Plans a citizen asks to keep: days after keeping (stored by the plan area, #15). */
  keptPlanDays: number
  /** Sent emails: days after sending (their link and address are blanked at once on sending). */
  outboxDays: number
  /** Submissions: days after the provider first collected them through the hand-over API. */
  submissionDays: number
  /**
   * What citizens write on the feedback page: days after the day it was sent. Only the text is
   * deleted; the rating, which names no one, stays for the published satisfaction figures.
   */
  feedbackTextDays: number
  /**
   * Where staff signed in from (keyed hashes of addresses, for telling a usual address from a
   * stranger's when throttling sign-in): days after the last good sign-in from that address.
   * Throttling looks back 30 days, so nothing older is of use; this purge also clears the rows
   * of accounts that no longer sign in (the sign-in itself clears only its own account's).
   */
  staffSignInSourceDays: number
  /** Audit trail: years after the event. The database refuses anything shorter than six. */
  auditYears: number
}

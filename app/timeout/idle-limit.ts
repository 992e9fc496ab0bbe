/** The two idle limits from the configuration (minutes), named here so this engine needs no config import. */
export interface IdleLimits {
  sessionIdleMinutes: number
  staffIdleMinutes: number
}

/**
 * How long a session may sit idle, in minutes: staff sessions (assisted digital on a shared
 * computer) have the shorter staff limit, everyone else the citizen's. One place decides it,
 * so the stored session's expiry, the exact idle check and the page's timeout warning can
 * never disagree about whose limit applies.
 */
export function idleMinutesFor(limits: IdleLimits, session: { staff?: unknown } | undefined): number {
  return session?.staff ? limits.staffIdleMinutes : limits.sessionIdleMinutes
}

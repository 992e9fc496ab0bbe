import type { Config } from '../config'

/**
 * How long a session may sit idle, in minutes: staff sessions (assisted digital on a shared
 * computer) have the shorter staff limit, everyone else the citizen's. One place decides it,
 * so the stored session's expiry, the exact idle check and the page's timeout warning can
 * never disagree about whose limit applies.
 */
export function idleMinutesFor(config: Config, session: { staff?: unknown } | undefined): number {
  return session?.staff ? config.staffIdleMinutes : config.sessionIdleMinutes
}

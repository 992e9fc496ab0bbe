/**
 * The portal's one source of the current time. Everything that needs "now" (ages on the
 * triage plan, draft and session expiry, sign-in windows, the audit trail, migrations, the
 * CLIs) is given a `Clock` by whoever assembles it: the server and the CLIs pass
 * `systemClock`, the test app a pinned one it can move on. A lint rule keeps `new Date()`
 * and `Date.now` out of app/ everywhere else (eslint.config.mjs lists the few exceptions).
 *
 * Not on this clock: rate-limit windows, which rate-limiter-flexible counts itself (its own
 * timers in memory, key TTLs in Redis), and Redis's session expiry. They measure spans of
 * time, not dates; their tests use Jest's fake timers or real waits.
 */
export type Clock = () => Date

/** The wall clock: the only place app/ reads it. */
export const systemClock: Clock = () => new Date()

import type session from 'express-session'
import type { Clock } from './clock'
import type { Config } from './config'
import type { Logger } from './logger'
import type { Notifier } from './notify/notifier'
import type { Db } from './store/db'
import type { InsightCounter } from './insights/service/counter'
import type { RateLimiter } from './security/limits'
import type { SecurityEvents } from './security/events'

/**
 * Everything the app needs from outside itself. `createApp` takes these ready-made, so
 * tests build the app around a temporary database and the server around the real one.
 */
export interface AppDeps {
  config: Config
  logger: Logger
  db: Db
  sessionStore: session.Store
  rateLimiter: RateLimiter
  /** Checks the session store answers, for `/ready` (Redis; absent where sessions live in the database). */
  pingSessions?: () => Promise<void>
  /** Structured security events (sign-ins, refusals, API reads…) with no personal data. */
  securityEvents: SecurityEvents
  /** Sends emails from the outbox: GOV.UK Notify with a key, else kept locally. */
  notifier: Notifier
  /**
   * The one clock (app/clock.ts): every "now" in the app comes from here, so tests can pin
   * the date (ages, expiry, 28-day links, audit times) and move it on.
   */
  clock: Clock
  /** Service-owner counts (no cookies, no personal data), added up in memory and flushed every second. */
  insights: InsightCounter
}

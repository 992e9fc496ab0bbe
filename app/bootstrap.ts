import type { Config } from './config'
import type { AppDeps } from './deps'
import { createLogger } from './logger'
import { GovukNotifier, LocalNotifier, templateIdsFromEnv } from './notify/notifier'
import { deliverDue } from './notify/deliver'
import { purgeExpiredDrafts } from './applications/draft-repository'
import { migrate } from './store/migrate'
import { MemoryRateLimiter } from './store/rate-limit'
import { DbSessionStore } from './store/sqlite-session-store'
import { SqliteDb } from './store/sqlite'

export interface Runtime extends AppDeps {
  /** Periodic housekeeping (expired sessions) the server runs while it is up. */
  housekeeping(): Promise<void>
  close(): Promise<void>
}

/**
 * Connects to the configured stores and brings the schema up to date. The embedded
 * default is SQLite in DATA_DIR; the server calls this once before listening.
 */
export async function bootstrap(config: Config): Promise<Runtime> {
  const logger = createLogger(config.logLevel)
  const db = SqliteDb.inDataDir(config.dataDir)
  await migrate(db)
  const sessionStore = new DbSessionStore(db, config.sessionIdleMinutes * 60 * 1000)
  const notifier = config.notifyApiKey
    ? new GovukNotifier(config.notifyApiKey, templateIdsFromEnv(process.env))
    : new LocalNotifier(logger)
  const clock = () => new Date()
  return {
    config,
    logger,
    db,
    sessionStore,
    rateLimiter: new MemoryRateLimiter(),
    notifier,
    clock,
    async housekeeping() {
      await sessionStore.purgeExpired()
      await purgeExpiredDrafts(db, clock())
      await deliverDue(db, notifier, logger, clock)
    },
    async close() {
      await db.close()
    },
  }
}

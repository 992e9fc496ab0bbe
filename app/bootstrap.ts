import type { Config } from './config'
import type { AppDeps } from './deps'
import { createLogger } from './logger'
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
  return {
    config,
    logger,
    db,
    sessionStore,
    rateLimiter: new MemoryRateLimiter(),
    async housekeeping() {
      await sessionStore.purgeExpired()
    },
    async close() {
      await db.close()
    },
  }
}

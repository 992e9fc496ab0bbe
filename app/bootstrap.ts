import type session from 'express-session'
import { systemClock, type Clock } from './clock'
import type { Config } from './config'
import type { AppDeps } from './deps'
import type { DestinationStream } from 'pino'
import { createLogger, type Logger } from './logger'
import { securityEvents } from './security/events'
import type { Db } from './store/db'
import { GovukNotifier, LocalNotifier, templateIdsFromEnv } from './notify/notifier'
import { deliverDue } from './notify/deliver'
import { purgeExpired } from './retention/purge'
import { migrate } from './store/migrate'
import { PostgresDb } from './store/postgres'
import { MemoryRateLimiter, type RateLimiter } from './store/rate-limit'
import { connectRedis, createRedisClient, deadline } from './store/redis-client'
import { RedisRateLimiter } from './store/redis-rate-limit'
import { createRedisSessionStore } from './store/redis-session-store'
import { DbSessionStore } from './store/sqlite-session-store'
import { SqliteDb } from './store/sqlite'
import { checkTriageCatalogue } from './triage/startup'
import { InsightCounter } from './insights/service/counter'

export interface Runtime extends AppDeps {
  /** Periodic housekeeping (expired sessions) the server runs while it is up. */
  housekeeping(): Promise<void>
  close(): Promise<void>
}

/** `DATABASE_URL` → PostgreSQL (several instances); otherwise the embedded SQLite file in DATA_DIR. */
export function openDatabase(config: Config): Db {
  return config.databaseUrl ? new PostgresDb(config.databaseUrl) : SqliteDb.inDataDir(config.dataDir)
}

/**
 * Migrations run without the request time-outs: another instance may hold the migration
 * lock for as long as its migration takes, and a migration may rightly run for minutes.
 * On PostgreSQL they get one connection of their own, closed as soon as they are done.
 */
async function migrateWithoutTimeouts(config: Config, db: Db, clock: Clock): Promise<void> {
  if (!config.databaseUrl) return void (await migrate(db, clock))
  const migrator = new PostgresDb(config.databaseUrl, {
    max: 1,
    statementTimeoutMillis: 0,
    queryTimeoutMillis: 0,
    connectionTimeoutMillis: 10_000,
  })
  try {
    await migrate(migrator, clock)
  } finally {
    await migrator.close()
  }
}

export interface BootstrapOptions {
  /** Namespace for every Redis key, so several services (or test files) can share one Redis. */
  redisPrefix?: string
  /** Where log lines go (standard output by default); tests pass a stream to read them. */
  logDestination?: DestinationStream
  /** The clock the whole app reads; the wall clock unless a test pins it. */
  clock?: Clock
}

interface SessionBackend {
  sessionStore: session.Store
  rateLimiter: RateLimiter
  pingSessions?: () => Promise<void>
  housekeeping(): Promise<void>
  close(): Promise<void>
}

/**
 * `REDIS_URL` → sessions and rate-limit counts in Redis, shared by every instance (Redis
 * expires sessions itself). Otherwise sessions live in the database and counts in memory,
 * which is right for one machine.
 */
async function sessionBackend(
  config: Config,
  db: Db,
  logger: Logger,
  prefix: string,
  clock: Clock,
): Promise<SessionBackend> {
  if (config.redisUrl) {
    const client = await connectRedis(createRedisClient(config.redisUrl, logger))
    return {
      sessionStore: createRedisSessionStore(client, `${prefix}sess:`),
      rateLimiter: new RedisRateLimiter(client, `${prefix}rl:`),
      pingSessions: async () => {
        await deadline(client.ping(), 800)
      },
      housekeeping: async () => undefined,
      close: async () => client.close(),
    }
  }
  const store = new DbSessionStore(db, config.sessionIdleMinutes * 60 * 1000, clock)
  const rateLimiter = new MemoryRateLimiter()
  return {
    sessionStore: store,
    rateLimiter,
    housekeeping: async () => {
      await store.purgeExpired()
    },
    // The counts' expiry timers outlive the runtime otherwise (see MemoryRateLimiter.close).
    close: async () => rateLimiter.close(),
  }
}

/**
 * Connects to the configured stores and brings the schema up to date (safe when several
 * instances start at once; see migrate). The server calls this once before listening.
 */
export async function bootstrap(config: Config, options: BootstrapOptions = {}): Promise<Runtime> {
  // Before touching any store: a broken triage catalogue must stop the portal, naming the item.
  checkTriageCatalogue()
  const logger = createLogger(config.logLevel, options.logDestination)
  const db = openDatabase(config)
  const clock = options.clock ?? systemClock
  try {
    await migrateWithoutTimeouts(config, db, clock)
    const backend = await sessionBackend(config, db, logger, options.redisPrefix ?? 'portal:', clock)
    const notifier = config.notifyApiKey
      ? new GovukNotifier(config.notifyApiKey, templateIdsFromEnv(process.env))
      : new LocalNotifier(logger)
    const insights = new InsightCounter(db, clock, config.insightsCounting)
    insights.start((error: unknown) => logger.warn({ err: error }, 'insight counts not written; kept for the next try'))
    return {
      config,
      logger,
      db,
      sessionStore: backend.sessionStore,
      rateLimiter: backend.rateLimiter,
      pingSessions: backend.pingSessions,
      securityEvents: securityEvents(logger, config.sessionSecret),
      notifier,
      clock,
      insights,
      async housekeeping() {
        await backend.housekeeping()
        await purgeExpired(db, config.retention, clock())
        await deliverDue(db, notifier, logger, clock)
      },
      async close() {
        // Counts still in memory go to the database before it closes; a failure here only loses counts.
        await insights.stop().catch((error: unknown) => logger.warn({ err: error }, 'insight counts lost at shutdown'))
        await backend.close()
        await db.close()
      },
    }
  } catch (error) {
    await db.close().catch(() => undefined)
    throw error
  }
}

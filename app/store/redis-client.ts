import { createClient } from 'redis'
import type { Logger } from '../logger'

export type RedisClient = ReturnType<typeof createClient>

export interface RedisClientOptions {
  /** A command not yet sent by then fails (node-redis applies it only while queued; see withDeadline). */
  commandTimeoutMs?: number
  connectTimeoutMs?: number
  /** Ceiling of the exponential back-off between reconnection attempts. */
  maxReconnectDelayMs?: number
}

/**
 * Reconnects for ever with exponential back-off and jitter (so several instances do not
 * stampede a Redis that has just come back), capped so recovery is noticed within seconds.
 */
export function reconnectDelay(retries: number, maxMs = 2000): number {
  return Math.min(50 * 2 ** retries, maxMs) + Math.floor(Math.random() * 100)
}

/**
 * A node-redis client that fails fast instead of hanging a citizen's request:
 * - `disableOfflineQueue`: while disconnected, commands are refused at once rather than
 *   queued until Redis returns (which would leave the browser waiting);
 * - a connection that is open but silent (Redis paused, frozen or a network black hole)
 *   is covered by `withDeadline` below, because node-redis's own command time-out stops
 *   counting once a command has been written to the socket.
 * The client reconnects by itself; the next request after Redis returns just works.
 */
export function createRedisClient(url: string, logger: Logger, options: RedisClientOptions = {}): RedisClient {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: options.commandTimeoutMs ?? 1000 },
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 1000,
      reconnectStrategy: (retries) => reconnectDelay(retries, options.maxReconnectDelayMs),
    },
  })
  // Log transitions, not every failed attempt: an outage would otherwise flood the log.
  let healthy = true
  client.on('error', (error: unknown) => {
    if (!healthy) return
    healthy = false
    logger.error({ err: error }, 'redis unavailable; reconnecting')
  })
  client.on('ready', () => {
    if (healthy) return
    healthy = true
    logger.info('redis available again')
  })
  return client
}

/**
 * Connects, or gives up after `timeoutMs` so that an instance started while Redis is down
 * exits with a clear message (and its supervisor retries) instead of waiting silently.
 */
export async function connectRedis(client: RedisClient, timeoutMs = 5000): Promise<RedisClient> {
  try {
    await within(client.connect(), timeoutMs)
    return client
  } catch (error) {
    // A client left connecting would keep retrying (and the process alive) after startup has given up.
    client.destroy()
    throw error
  }
}

/**
 * Redis could not answer (down, frozen, closed): the request becomes the "try again later"
 * page with 503 and Retry-After, and `/ready` says not ready, never a 500.
 */
export class RedisUnavailableError extends Error {
  static from(error: unknown): RedisUnavailableError {
    if (error instanceof RedisUnavailableError) return error
    return new RedisUnavailableError('Redis is unavailable', { cause: error })
  }
}

/** Raised when Redis has not answered in time. */
export class RedisTimeoutError extends RedisUnavailableError {}

/**
 * Rejects with RedisTimeoutError if `promise` has not settled within `ms`; the late reply, if any, is ignored.
 *
 * The rejection waits for the I/O phase that follows the timer. When the process itself was
 * busy past the deadline (a long collection or render on a loaded machine), the reply may
 * already be waiting in the socket: timers run before sockets are read in each turn of the
 * event loop, so rejecting in the timer would blame Redis for our own delay and show the
 * citizen "try again later". Deferring to setImmediate lets that reply settle the race first;
 * a Redis that really is silent still fails at the deadline plus one turn.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  let check: NodeJS.Immediate | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      check = setImmediate(() => reject(new RedisTimeoutError(`Redis did not answer within ${ms} ms`)))
    }, ms)
  })
  return Promise.race([promise, late]).finally(() => {
    clearTimeout(timer)
    clearImmediate(check)
  })
}

/** `within`, with any failure of the command coming out as RedisUnavailableError. */
export function deadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return within(promise, ms).catch((error: unknown) => {
    throw RedisUnavailableError.from(error)
  })
}

/** The commands connect-redis and the rate limiter send. */
const DEADLINED = new Set<string | symbol>(['get', 'set', 'expire', 'del', 'mGet', 'ttl', 'pTTL', 'incr'])

/**
 * The client, with every command it is used for bounded by `ms`. Each command gets its own
 * deadline, so a session read plus a session write still fit well inside two seconds.
 */
export function withDeadline(client: RedisClient, ms = 800): RedisClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function' || !DEADLINED.has(property)) return value
      // Inside a promise, so a command refused synchronously (client closed) is an outage too.
      return (...args: unknown[]) => deadline(new Promise((resolve) => resolve(value.apply(target, args))), ms)
    },
  })
}

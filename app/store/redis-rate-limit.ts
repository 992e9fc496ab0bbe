import { RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { FlexibleRateLimiter, type RateLimit } from './rate-limit'
import { deadline, RedisUnavailableError, within, type RedisClient } from './redis-client'

const FORGIVE =
  "if (tonumber(redis.call('GET', KEYS[1]) or '0') > 0) then return redis.call('DECR', KEYS[1]) end return 0"

/**
 * The counts in Redis, so that a guesser cannot multiply their attempts by the number of
 * instances. One atomic script per hit (the library's: start the window if absent, count,
 * read what is left). Every call is bounded: a silent Redis fails the request in under a
 * second (see redis-client.ts) and the page answers 503, never hangs.
 */
export class RedisRateLimiter extends FlexibleRateLimiter {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix = 'portal:rl:',
    private readonly deadlineMs = 800,
  ) {
    super()
  }

  protected create(limit: RateLimit): RateLimiterAbstract {
    const limiter = new RateLimiterRedis({
      storeClient: this.client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: `${this.prefix}${limit.name}`,
      points: limit.points,
      duration: limit.windowSeconds,
    })
    return this.bounded(limiter)
  }

  /** The library's calls, each with the deadline. */
  private bounded(limiter: RateLimiterRedis): RateLimiterAbstract {
    const ms = this.deadlineMs
    return new Proxy(limiter, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver)
        if (typeof value !== 'function' || !['consume', 'get', 'delete', 'reward'].includes(String(property)))
          return value
        // `within`, not `deadline`: a refusal rejects too, and is not an outage.
        return (...args: unknown[]) => within(Promise.resolve(value.apply(target, args)), ms)
      },
    })
  }

  protected async decrementIfPositive(limiter: RateLimiterAbstract, key: string): Promise<void> {
    // In one script so that it never creates a key (a window that has just ended stays
    // ended) and never counts below zero, whatever other instances do meanwhile.
    await deadline(this.client.eval(FORGIVE, { keys: [limiter.getKey(key)] }), this.deadlineMs)
  }

  protected override translate(error: unknown): unknown {
    return RedisUnavailableError.from(error)
  }
}

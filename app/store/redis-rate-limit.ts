import type { RateLimiter, RateLimitResult } from './rate-limit'
import { deadline, type RedisClient } from './redis-client'

const FORGIVE =
  "if (tonumber(redis.call('GET', KEYS[1]) or '0') > 0) then return redis.call('DECR', KEYS[1]) end return 0"

/**
 * The fixed-window limiter of `MemoryRateLimiter`, with the counts in Redis so that a
 * guesser cannot multiply their attempts by the number of instances. One MULTI per hit:
 * start the window if absent (SET NX PX), count (INCR keeps the TTL), read what is left.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix = 'portal:rl:',
    private readonly deadlineMs = 800,
  ) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const name = this.prefix + key
    const replies = await deadline(
      this.client
        .multi()
        .set(name, '0', { condition: 'NX', expiration: { type: 'PX', value: windowSeconds * 1000 } })
        .incr(name)
        .pTTL(name)
        .exec(),
      this.deadlineMs,
    )
    const count = Number(replies[1])
    const ttl = Number(replies[2])
    return {
      allowed: count <= limit,
      count,
      retryAfterSeconds: Math.max(1, Math.ceil((ttl > 0 ? ttl : windowSeconds * 1000) / 1000)),
    }
  }

  async reset(key: string): Promise<void> {
    await deadline(this.client.del(this.prefix + key), this.deadlineMs)
  }

  async forgive(key: string): Promise<void> {
    // In one script so that it never creates a key (a window that has just ended stays
    // ended) and never counts below zero, whatever other instances do meanwhile.
    await deadline(this.client.eval(FORGIVE, { keys: [this.prefix + key] }), this.deadlineMs)
  }
}

import { createHash } from 'node:crypto'
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { RateLimit, RateLimitCheck, RateLimiter, RateLimitResult } from '../security/limits'

export type { RateLimit, RateLimitCheck, RateLimiter, RateLimitResult }

/**
 * Counts attempts per key (an address, a session, a draft, an email address) so that
 * guessing and flooding are refused. Counting is `rate-limiter-flexible`'s: in memory for
 * one machine, in Redis when several instances must share the counts.
 *
 * Two properties the portal relies on, both tested and measured in bench/rate-limit.ts:
 * - constant cost per request, however many keys are held (the library expires each key
 *   by its own timer or Redis TTL; nothing ever scans the whole set);
 * - a refused request adds no key: `hit` takes its checks broadest first (the address,
 *   then the session, then the thing asked for) and stops at the first refusal, so a
 *   refused sender cannot fill memory or Redis by varying what it asks for.
 *
 * Keys are hashed before they reach the store: an email address or a reference is never
 * held in Redis or memory as typed.
 */
/** The store key for a caller's key: short, fixed length, and not the personal data it came from. */
export function storeKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 22)
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

/** The shared logic over one `rate-limiter-flexible` instance per named limit. */
export abstract class FlexibleRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, { limit: RateLimit; limiter: RateLimiterAbstract }>()

  protected abstract create(limit: RateLimit): RateLimiterAbstract
  /** Decrements a key only if it holds a positive count; never creates it. */
  protected abstract decrementIfPositive(limiter: RateLimiterAbstract, key: string): Promise<void>
  /** Store failures (Redis down) become the store's own error; refusals are not errors. */
  protected translate(error: unknown): unknown {
    return error
  }

  protected limiterFor(limit: RateLimit): RateLimiterAbstract {
    const held = this.limiters.get(limit.name)
    if (held) {
      if (held.limit.points !== limit.points || held.limit.windowSeconds !== limit.windowSeconds)
        throw new Error(`Rate limit ${limit.name} is defined twice with different figures`)
      return held.limiter
    }
    const limiter = this.create(limit)
    this.limiters.set(limit.name, { limit, limiter })
    return limiter
  }

  async hit(...checks: RateLimitCheck[]): Promise<RateLimitResult> {
    let result: RateLimitResult = { allowed: true, count: 0, retryAfterSeconds: 0 }
    for (const { limit, key } of checks) {
      try {
        const res = await this.limiterFor(limit).consume(storeKey(key))
        result = { allowed: true, count: res.consumedPoints, retryAfterSeconds: seconds(res.msBeforeNext) }
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw this.translate(error)
        return {
          allowed: false,
          refusedBy: limit.name,
          count: error.consumedPoints,
          retryAfterSeconds: seconds(error.msBeforeNext),
        }
      }
    }
    return result
  }

  async reset({ limit, key }: RateLimitCheck): Promise<void> {
    try {
      await this.limiterFor(limit).delete(storeKey(key))
    } catch (error) {
      throw this.translate(error)
    }
  }

  async forgive({ limit, key }: RateLimitCheck): Promise<void> {
    try {
      await this.decrementIfPositive(this.limiterFor(limit), storeKey(key))
    } catch (error) {
      throw this.translate(error)
    }
  }
}

/** The library's map of keys; read only for its size (see MemoryRateLimiter). */
interface WithStorage {
  _memoryStorage?: { _storage?: Map<string, unknown> }
}

/**
 * Counts in this process: right for one machine. Each key expires by its own timer. Each
 * held key costs about 800 bytes of heap (bench/rate-limit.ts), so the number held is
 * capped: past `maxKeys`, a check that would add a key is refused (fail closed) rather
 * than let a flood of new addresses grow the heap to its limit. Keys already held go on
 * being counted. The size is read from the library's own map (O(1)); a unit test fails
 * if a new version of the library stops exposing it.
 */
export class MemoryRateLimiter extends FlexibleRateLimiter {
  private readonly memories: RateLimiterMemory[] = []

  constructor(private readonly maxKeys = 50_000) {
    super()
  }

  private held(): number {
    let n = 0
    for (const limiter of this.memories) n += (limiter as unknown as WithStorage)._memoryStorage?._storage?.size ?? 0
    return n
  }

  override async hit(...checks: RateLimitCheck[]): Promise<RateLimitResult> {
    if (this.held() >= this.maxKeys) {
      for (const { limit, key } of checks) {
        if (!(await this.limiterFor(limit).get(storeKey(key))))
          return { allowed: false, refusedBy: 'capacity', count: 0, retryAfterSeconds: 60 }
      }
    }
    return super.hit(...checks)
  }

  protected create(limit: RateLimit): RateLimiterAbstract {
    const limiter = new RateLimiterMemory({
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.windowSeconds,
    })
    this.memories.push(limiter)
    return limiter
  }

  /**
   * Forgets every count and stops its timers, at shutdown. Each key's expiry timer runs for
   * its limit's whole window (up to a day) and, unref'd, never keeps the process alive; but
   * until it fires it holds what was current when it was set: its callback's realm and the
   * async context (AsyncLocalStorage stores) of the request that made the key. A runtime
   * closed in a process that goes on (a test file in Jest's one process, where the context
   * is the test and so the whole app) would otherwise stay in memory for that long.
   */
  async close(): Promise<void> {
    for (const limiter of this.memories) for (const { key } of limiter.dump().storage) await limiter.delete(key)
  }

  /** How many keys are held, all limits together (walks them all: for tests and the benchmark only). */
  heldKeys(): number {
    const walked = this.memories.reduce((sum, limiter) => sum + limiter.dump().storage.length, 0)
    if (walked !== this.held()) throw new Error('rate-limiter-flexible no longer exposes its key map as expected')
    return walked
  }

  protected async decrementIfPositive(limiter: RateLimiterAbstract, key: string): Promise<void> {
    // One thread: nothing can change the count between the read and the reward.
    const current = await limiter.get(key)
    if (current && current.consumedPoints > 0) await limiter.reward(key, 1)
  }
}

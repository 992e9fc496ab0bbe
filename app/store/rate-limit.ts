/**
 * Counts attempts per key (a sign-in email, a draft reference, an IP) in a fixed window.
 * Sign-in and resume use it to slow and refuse guessing. The in-memory limiter serves one
 * machine; with several instances the Redis limiter shares the counts between them.
 */
export interface RateLimitResult {
  allowed: boolean
  /** Attempts in the current window, this one included. */
  count: number
  retryAfterSeconds: number
}

export interface RateLimiter {
  hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult>
  reset(key: string): Promise<void>
  /**
   * Takes back one hit in the current window: an attempt is counted before the expensive
   * check (so a burst cannot slip past the limit), and given back when it turns out to be
   * one that should not count, such as a successful sign-in.
   */
  forgive(key: string): Promise<void>
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const now = this.now()
    let window = this.windows.get(key)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowSeconds * 1000 }
      this.windows.set(key, window)
      this.sweep(now)
    }
    window.count += 1
    return {
      allowed: window.count <= limit,
      count: window.count,
      retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
    }
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key)
  }

  async forgive(key: string): Promise<void> {
    const window = this.windows.get(key)
    if (window && window.count > 0) window.count -= 1
  }

  /** Drops finished windows now and then so the map cannot grow without bound. */
  private sweep(now: number): void {
    if (this.windows.size < 10_000) return
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key)
  }
}

/**
 * The rate-limit port: what routes ask of a limiter, whichever store counts (see
 * app/store/rate-limit.ts for the two implementations and the properties they keep).
 */
export interface RateLimit {
  /** Names the limit in security events and separates its counts from every other limit's. */
  readonly name: string
  readonly points: number
  readonly windowSeconds: number
}

export interface RateLimitCheck {
  limit: RateLimit
  key: string
}

export interface RateLimitResult {
  allowed: boolean
  /** The limit that refused, when one did. */
  refusedBy?: string
  /** Attempts in the current window of the last limit counted, this one included. */
  count: number
  /** Seconds until the refusing limit (or the last one counted) opens again. */
  retryAfterSeconds: number
}

export interface RateLimiter {
  /** Counts one attempt against each check in order, stopping at the first that refuses. */
  hit(...checks: RateLimitCheck[]): Promise<RateLimitResult>
  /** Forgets a key's count (a success that clears its failures). */
  reset(check: RateLimitCheck): Promise<void>
  /**
   * Takes back one attempt in the current window, never below zero and never starting a
   * window: an attempt is counted before the expensive check (so a burst cannot slip past
   * the limit) and given back when it turns out not to count, such as a good sign-in.
   */
  forgive(check: RateLimitCheck): Promise<void>
}

/** The key for a client address: an IPv6 client usually holds a whole /64, so that is the unit counted. */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown'
  if (!ip.includes(':') || ip.startsWith('::ffff:')) return ip
  const groups = expandIpv6(ip)
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip
}

function expandIpv6(ip: string): string[] | undefined {
  const [head = '', tail] = ip.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  if (tail === undefined && left.length !== 8) return undefined
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0')
  return [...left, ...zeros, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
}

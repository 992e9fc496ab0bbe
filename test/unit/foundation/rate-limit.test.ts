import { MemoryRateLimiter, storeKey, type RateLimit } from '../../../app/store/rate-limit'
import { addressKey } from '../../../app/security/limits'

const three: RateLimit = { name: 'unit-three', points: 3, windowSeconds: 60 }
const one: RateLimit = { name: 'unit-one', points: 1, windowSeconds: 60 }

describe('in-memory rate limiter (rate-limiter-flexible)', () => {
  afterEach(() => jest.useRealTimers())

  it('allows up to the limit in a window, refuses after, and allows again when it ends', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T09:00:00Z') })
    const limiter = new MemoryRateLimiter()
    for (let i = 0; i < 3; i++) expect((await limiter.hit({ limit: three, key: 'k' })).allowed).toBe(true)
    const refused = await limiter.hit({ limit: three, key: 'k' })
    expect(refused).toMatchObject({ allowed: false, refusedBy: 'unit-three', count: 4, retryAfterSeconds: 60 })
    jest.advanceTimersByTime(60_000)
    expect(await limiter.hit({ limit: three, key: 'k' })).toMatchObject({ allowed: true, count: 1 })
  })

  it('counts keys and limits separately and forgets a key on reset', async () => {
    const limiter = new MemoryRateLimiter()
    await limiter.hit({ limit: one, key: 'a' })
    expect((await limiter.hit({ limit: one, key: 'b' })).allowed).toBe(true)
    expect((await limiter.hit({ limit: three, key: 'a' })).allowed).toBe(true)
    expect((await limiter.hit({ limit: one, key: 'a' })).allowed).toBe(false)
    await limiter.reset({ limit: one, key: 'a' })
    expect((await limiter.hit({ limit: one, key: 'a' })).allowed).toBe(true)
  })

  it('gives back one hit on forgive, never below zero, and never opens a window', async () => {
    const limiter = new MemoryRateLimiter()
    const two: RateLimit = { name: 'unit-two', points: 2, windowSeconds: 60 }
    await limiter.hit({ limit: two, key: 'k' })
    await limiter.hit({ limit: two, key: 'k' })
    await limiter.forgive({ limit: two, key: 'k' })
    expect(await limiter.hit({ limit: two, key: 'k' })).toMatchObject({ allowed: true, count: 2 })
    for (let i = 0; i < 5; i++) await limiter.forgive({ limit: two, key: 'k' })
    expect(await limiter.hit({ limit: two, key: 'k' })).toMatchObject({ count: 1 })
    const before = limiter.heldKeys()
    await limiter.forgive({ limit: two, key: 'never-hit' })
    expect(limiter.heldKeys()).toBe(before)
    expect(await limiter.hit({ limit: two, key: 'never-hit' })).toMatchObject({ count: 1 })
  })

  it('stops at the first limit that refuses, so a refused sender adds no key however many it asks about', async () => {
    const limiter = new MemoryRateLimiter()
    const perAddress: RateLimit = { name: 'unit-address', points: 5, windowSeconds: 60 }
    const perThing: RateLimit = { name: 'unit-thing', points: 3, windowSeconds: 60 }
    const results = []
    for (let i = 0; i < 1000; i++)
      results.push(await limiter.hit({ limit: perAddress, key: '192.0.2.1' }, { limit: perThing, key: `thing-${i}` }))
    expect(results.filter((r) => r.allowed)).toHaveLength(5)
    expect(results.slice(5).every((r) => r.refusedBy === 'unit-address')).toBe(true)
    // One address key and the five things it was allowed to ask about: nothing for the 995 refusals.
    expect(limiter.heldKeys()).toBe(6)
  })

  it('refuses a new key once it holds its ceiling of keys, and goes on counting the keys it holds', async () => {
    const limiter = new MemoryRateLimiter(10)
    for (let i = 0; i < 10; i++) await limiter.hit({ limit: three, key: `k${i}` })
    expect(await limiter.hit({ limit: three, key: 'k10' })).toMatchObject({ allowed: false, refusedBy: 'capacity' })
    expect(await limiter.hit({ limit: three, key: 'k3' })).toMatchObject({ allowed: true, count: 2 })
    expect(limiter.heldKeys()).toBe(10)
  })

  it('refuses to hold one limit name with two sets of figures (two callers would share counts by mistake)', async () => {
    const limiter = new MemoryRateLimiter()
    await limiter.hit({ limit: three, key: 'k' })
    await expect(limiter.hit({ limit: { ...three, points: 4 }, key: 'k' })).rejects.toThrow(/defined twice/)
  })

  it('forgets every key and stops every expiry timer when closed (a timer would keep the app in memory)', async () => {
    jest.useFakeTimers()
    const limiter = new MemoryRateLimiter()
    await limiter.hit({ limit: three, key: 'a' }, { limit: one, key: 'b' })
    expect(limiter.heldKeys()).toBe(2)
    expect(jest.getTimerCount()).toBe(2)
    await limiter.close()
    expect(limiter.heldKeys()).toBe(0)
    expect(jest.getTimerCount()).toBe(0)
  })

  it('stores a hash of each key, never the email address or reference it was given', () => {
    expect(storeKey('someone@example.com')).not.toContain('example')
    expect(storeKey('someone@example.com')).toHaveLength(22)
  })

  it('counts an IPv6 client by its /64 and an IPv4 client by its address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:DB8:0001:0002::')).toBe('2001:db8:1:2::/64')
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
    expect(addressKey('::ffff:203.0.113.9')).toBe('::ffff:203.0.113.9')
    expect(addressKey(undefined)).toBe('unknown')
  })
})

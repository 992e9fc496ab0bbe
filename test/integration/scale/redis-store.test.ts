import type session from 'express-session'
import { createLogger } from '../../../app/logger'
import { connectRedis, createRedisClient, type RedisClient } from '../../../app/store/redis-client'
import { RedisRateLimiter } from '../../../app/store/redis-rate-limit'
import { storeKey, type RateLimit } from '../../../app/store/rate-limit'
import { createRedisSessionStore } from '../../../app/store/redis-session-store'
import { describeWith, TEST_REDIS_URL, uniqueRedisPrefix } from '../../helpers/services'
import { storeCall as call } from '../../helpers/store-call'

const logger = createLogger('silent')
const cookie = (ms: number) => ({ originalMaxAge: ms, expires: new Date(Date.now() + ms) }) as session.Cookie

describeWith(['redis'], 'Redis sessions and rate limits (shared Redis)', () => {
  const prefix = uniqueRedisPrefix()
  let a: RedisClient
  let b: RedisClient

  beforeAll(async () => {
    a = await connectRedis(createRedisClient(TEST_REDIS_URL, logger))
    b = await connectRedis(createRedisClient(TEST_REDIS_URL, logger))
  })

  afterAll(async () => {
    for await (const keys of a.scanIterator({ MATCH: `${prefix}*` })) if (keys.length) await a.del(keys)
    await Promise.all([a.close(), b.close()])
  })

  it('keeps a citizen’s session across instances, expiring with the cookie', async () => {
    const one = createRedisSessionStore(a, `${prefix}sess:`)
    const two = createRedisSessionStore(b, `${prefix}sess:`)
    const data = { cookie: cookie(60_000), answers: { nation: 'wales' } } as unknown as session.SessionData
    await call((cb) => one.set('sid-1', data, cb))
    expect(await call((cb) => two.get('sid-1', cb))).toMatchObject({ answers: { nation: 'wales' } })
    const ttl = await a.ttl(`${prefix}sess:sid-1`)
    expect(ttl).toBeGreaterThan(50)
    expect(ttl).toBeLessThanOrEqual(60)
    await call((cb) => two.destroy('sid-1', cb))
    expect(await call((cb) => one.get('sid-1', cb))).toBeNull()
  })

  const five: RateLimit = { name: 'sign-in', points: 5, windowSeconds: 60 }
  const three: RateLimit = { name: 'ip', points: 3, windowSeconds: 60 }

  it('counts attempts across instances, so more instances do not mean more guesses', async () => {
    const one = new RedisRateLimiter(a, prefix)
    const two = new RedisRateLimiter(b, prefix)
    const x = { limit: five, key: 'x' }
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).hit(x)))
    expect(results.map((r) => r.count).sort((p, q) => p - q)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(results.filter((r) => r.allowed)).toHaveLength(5)
    const refused = await one.hit(x)
    expect(refused).toMatchObject({ allowed: false, refusedBy: 'sign-in', count: 9 })
    expect(refused.retryAfterSeconds).toBeGreaterThan(55)
    await two.reset(x)
    expect(await one.hit(x)).toMatchObject({ allowed: true, count: 1 })
  })

  it('gives back a hit on forgive from any instance, without creating or going below zero', async () => {
    const one = new RedisRateLimiter(a, `${prefix}rl:`)
    const two = new RedisRateLimiter(b, `${prefix}rl:`)
    const z = { limit: three, key: 'z' }
    await one.hit(z)
    await one.hit(z)
    await two.forgive(z)
    expect(await one.hit(z)).toMatchObject({ count: 2 })
    for (let i = 0; i < 4; i++) await two.forgive(z)
    expect(await one.hit(z)).toMatchObject({ count: 1 })
    await two.forgive({ limit: three, key: 'never' })
    expect(await a.exists(`${prefix}rl:ip:${storeKey('never')}`)).toBe(0)
    expect(await a.exists(`${prefix}rl:ip:${storeKey('z')}`)).toBe(1)
  })

  it('adds no key for a refused sender, and holds no key as typed', async () => {
    const limiter = new RedisRateLimiter(a, `${prefix}refused:`)
    const perAddress: RateLimit = { name: 'address', points: 5, windowSeconds: 60 }
    const perEmail: RateLimit = { name: 'email', points: 3, windowSeconds: 60 }
    for (let i = 0; i < 200; i++)
      await limiter.hit({ limit: perAddress, key: '192.0.2.1' }, { limit: perEmail, key: `someone${i}@example.com` })
    const keys: string[] = []
    for await (const batch of a.scanIterator({ MATCH: `${prefix}refused:*` })) keys.push(...batch)
    expect(keys).toHaveLength(6)
    expect(keys.join(' ')).not.toMatch(/example|192\.0/)
  })

  it('starts a new window once the old one has passed', async () => {
    const limiter = new RedisRateLimiter(a, prefix)
    const y = { limit: { name: 'lookup', points: 1, windowSeconds: 1 }, key: 'y' }
    await limiter.hit(y)
    expect((await limiter.hit(y)).allowed).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await limiter.hit(y)).toMatchObject({ allowed: true, count: 1 })
  })
})

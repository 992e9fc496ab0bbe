import { MemoryRateLimiter } from '../../../app/store/rate-limit'

describe('in-memory rate limiter', () => {
  it('allows up to the limit in a window, refuses after, and allows again when it ends', async () => {
    let now = 0
    const limiter = new MemoryRateLimiter(() => now)
    for (let i = 0; i < 3; i++) expect((await limiter.hit('k', 3, 60)).allowed).toBe(true)
    const refused = await limiter.hit('k', 3, 60)
    expect(refused).toMatchObject({ allowed: false, count: 4, retryAfterSeconds: 60 })
    now += 60_000
    expect((await limiter.hit('k', 3, 60)).allowed).toBe(true)
  })

  it('counts keys separately and forgets a key on reset', async () => {
    const limiter = new MemoryRateLimiter()
    await limiter.hit('a', 1, 60)
    expect((await limiter.hit('b', 1, 60)).allowed).toBe(true)
    expect((await limiter.hit('a', 1, 60)).allowed).toBe(false)
    await limiter.reset('a')
    expect((await limiter.hit('a', 1, 60)).allowed).toBe(true)
  })

  it('gives back one hit on forgive, never below zero, and never opens a window', async () => {
    const limiter = new MemoryRateLimiter()
    await limiter.hit('k', 2, 60)
    await limiter.hit('k', 2, 60)
    await limiter.forgive('k')
    expect(await limiter.hit('k', 2, 60)).toMatchObject({ allowed: true, count: 2 })
    for (let i = 0; i < 5; i++) await limiter.forgive('k')
    expect(await limiter.hit('k', 2, 60)).toMatchObject({ count: 1 })
    await limiter.forgive('never-hit')
    expect(await limiter.hit('never-hit', 1, 60)).toMatchObject({ count: 1 })
  })
})

import { elapsed, expectWithin } from '../../helpers/elapsed'
import { CookieClient, type Reply } from '../../helpers/http-client'
import { listenLocally, type LocalPortal } from '../../helpers/local-portal'
import { ThrowawayRedis } from '../../helpers/redis-server'

const SORRY = 'Sorry, there is a problem with the service'

/** A page, with how long the portal took to answer it, not counting waits for a CPU (see elapsed.ts). */
async function timedGet(citizen: CookieClient, url: string): Promise<Reply> {
  const result = await elapsed(() => citizen.get(url))
  if (!result.ok) throw result.error
  expectWithin(result.elapsed, 2000, `The page during the outage (${url})`)
  return result.value
}

/** A citizen with a session in Redis: reading makes none, so they answer the first question (in Welsh). */
async function answeredInWelsh(citizen: CookieClient, origin: string): Promise<void> {
  const question = `${origin}/outcomes/caring/nation`
  expect((await citizen.get(`${question}?lang=cy`)).text).toContain('lang="cy"')
  expect((await citizen.post(question, { answer: 'wales' })).status).toBe(303)
}

async function eventually<T>(attempt: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await attempt()
    if (ok(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

// The portal's own Redis child (durable, like production's), so it can be frozen, killed and
// restarted without touching anyone else's.
describe('a citizen’s journey while the session Redis fails', () => {
  let redis: ThrowawayRedis
  let portal: LocalPortal

  beforeAll(async () => {
    redis = await ThrowawayRedis.start({ durable: true })
    portal = await listenLocally({ REDIS_URL: redis.url })
  })

  afterAll(async () => {
    await portal?.close()
    await redis?.stop()
  })

  it('shows the GOV.UK “Sorry” page within 2 seconds while Redis is frozen, then carries on where it was', async () => {
    const citizen = new CookieClient()
    await answeredInWelsh(citizen, portal.url)
    redis.freeze()
    try {
      const during = await timedGet(citizen, `${portal.url}/?lang=en`)
      expect(during.status).toBe(503)
      expect(during.retryAfter).toBeDefined()
      expect(during.text).toContain(SORRY)
    } finally {
      redis.thaw()
    }
    // The switch asked for during the outage was not half-applied: the session is as it was.
    const after = await eventually(
      () => citizen.get(`${portal.url}/`),
      (reply) => reply.status === 200,
    )
    expect(after.text).toContain('lang="cy"')
  })

  it('shows the “Sorry” page at once while Redis is down, and recovers by itself when it restarts', async () => {
    const citizen = new CookieClient()
    await answeredInWelsh(citizen, portal.url)
    await redis.kill()
    const during = await timedGet(citizen, `${portal.url}/`)
    expect(during.status).toBe(503)
    expect(during.text).toContain(SORRY)
    expect(during.retryAfter).toBeDefined()
    // The load balancer is told too: not ready until Redis is back.
    const notReady = await citizen.get(`${portal.url}/ready`)
    expect(notReady.status).toBe(503)
    expect(JSON.parse(notReady.text)).toMatchObject({ status: 'unavailable', database: 'ok', sessions: 'unavailable' })
    await redis.restart()
    await eventually(
      () => citizen.get(`${portal.url}/ready`),
      (reply) => reply.status === 200,
    )
    const after = await eventually(
      () => citizen.get(`${portal.url}/`),
      (reply) => reply.status === 200,
    )
    expect(after.status).toBe(200)
    expect(after.text).toContain('lang="cy"')
  })
})

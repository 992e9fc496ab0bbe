import request from 'supertest'
import type session from 'express-session'
import { markerCookieName } from '../../../app/timeout/marker'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'

// Runs on SQLite (sessions in the database) and, in the postgres+redis project, on Redis.
const IDLE_MINUTES = 20
const LIMIT_MS = IDLE_MINUTES * 60_000
const question = '/outcomes/work-in-care/nation'
const checked = 'value="wales" checked'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: String(IDLE_MINUTES) })
})
afterAll(() => t.close())
// A failed expectation must not leave one test's counting spies on the next test's store.
afterEach(() => jest.restoreAllMocks())

/** Every write that reaches the configured session store (database row or Redis key). */
function countStoreWrites(): { count: () => number; done: () => void } {
  const store = t.runtime.sessionStore
  const spies = [jest.spyOn(store, 'set'), jest.spyOn(store, 'destroy')]
  if (store.touch) spies.push(jest.spyOn(store, 'touch'))
  return {
    count: () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0),
    done: () => spies.forEach((spy) => spy.mockRestore()),
  }
}

function cookieFrom(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const lines = ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
  return lines.map((line) => line.split(';')[0] ?? '').find((pair) => pair.startsWith(`${name}=`))
}

/** The timeout warning's idle and warning seconds, as the page gives them to its script. */
const warningOf = (html: string) => /data-idle-seconds="(\d+)" data-warning-seconds="(\d+)"/.exec(html)?.slice(1)

const sidOf = (cookie: string) => {
  const signed = decodeURIComponent(cookie.split('=')[1] ?? '')
  return signed.slice(2, signed.lastIndexOf('.'))
}

function stored(sid: string): Promise<session.SessionData | null | undefined> {
  return new Promise((resolve, reject) =>
    t.runtime.sessionStore.get(sid, (error: unknown, data?: session.SessionData | null) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(data),
    ),
  )
}

/**
 * A citizen who answered the question (a write, at the clock's "now"), then looked at the page
 * again 59 seconds later: a page view the store did not write. Their browser's cookies are
 * returned, the session's and the marker's as that last page left them.
 */
async function answeredThenLookedAgain() {
  const citizen = new Browserish(t.app)
  await citizen.get(question)
  const answered = await citizen.post(question, { answer: 'wales' })
  expect(answered.status).toBe(303)
  const writes = countStoreWrites()
  t.clock.advance(59_000)
  const again = await citizen.get(question)
  writes.done()
  expect(writes.count()).toBe(0)
  expect(again.text).toContain(checked)
  const sessionCookie = cookieFrom(again, 'portal-session')
  const markerCookie = cookieFrom(again, markerCookieName(false))
  if (!sessionCookie || !markerCookie) throw new Error('the page renewed neither cookie')
  return { citizen, sessionCookie, markerCookie }
}

describe('a returning page view costs a read, not a write', () => {
  it('writes nothing while nothing changed and the last write is under a minute old, then renews once', async () => {
    // Reading alone makes no session (first-visit.test.ts): the answer is the first write.
    const citizen = new Browserish(t.app)
    await citizen.get(question)
    await citizen.post(question, { answer: 'wales' })
    const writes = countStoreWrites()
    const sessionCookies: (string | undefined)[] = []
    for (let view = 0; view < 11; view++) {
      t.clock.advance(5_000)
      const res = await citizen.get(question)
      expect(res.status).toBe(200)
      sessionCookies.push(cookieFrom(res, 'portal-session'))
    }
    // 55 seconds of page views: no write, though each response renewed the browser's cookie.
    expect(writes.count()).toBe(0)
    expect(sessionCookies.every(Boolean)).toBe(true)

    t.clock.advance(5_000)
    await citizen.get(question)
    expect(writes.count()).toBe(1)
    await citizen.get(question)
    expect(writes.count()).toBe(1)
    writes.done()
  })

  it('writes a change at once, however recent the last write', async () => {
    const citizen = new Browserish(t.app)
    await citizen.get(question)
    const writes = countStoreWrites()
    await citizen.post(question, { answer: 'wales' })
    expect(writes.count()).toBe(1)
    writes.done()
    expect((await citizen.get(question)).text).toContain(checked)
  })

  it('"Stay signed in" always renews', async () => {
    const citizen = new Browserish(t.app)
    await citizen.get(question)
    const writes = countStoreWrites()
    t.clock.advance(1_000)
    await citizen.post('/session/extend', { returnTo: question })
    expect(writes.count()).toBe(1)
    writes.done()
  })
})

describe('the idle limit is exactly as long when the last page view was not written', () => {
  it('keeps the answers one millisecond before the limit, counted from the last page view', async () => {
    const { citizen } = await answeredThenLookedAgain()
    t.clock.advance(LIMIT_MS - 1)
    const res = await citizen.get(question)
    expect(res.status).toBe(200)
    expect(res.text).toContain(checked)
  })

  it('ends the session at the limit, says the answers were deleted, and removes it from the store', async () => {
    const { citizen, sessionCookie } = await answeredThenLookedAgain()
    t.clock.advance(LIMIT_MS)
    // The store still holds it (it keeps a session a minute past its last write's limit) …
    expect(await stored(sidOf(sessionCookie))).toBeTruthy()
    const res = await citizen.get(question)
    // … but the limit counts from the last page view, as it did when every view was written.
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/session/timed-out?lang=en')
    expect(await stored(sidOf(sessionCookie))).toBeFalsy()
    expect((await citizen.get(question)).text).not.toContain(checked)
  })

  it('a form sent at the limit is not applied and lands on the timeout page', async () => {
    const { citizen } = await answeredThenLookedAgain()
    t.clock.advance(LIMIT_MS)
    const res = await citizen.post(question, { answer: 'england' })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/session/timed-out?lang=en')
  })

  it('without the browser’s marker the limit counts from the last write: the session only ends sooner', async () => {
    const { sessionCookie, markerCookie } = await answeredThenLookedAgain()
    // 20 minutes after the answer was written, 19 minutes 1 second after the last page view.
    t.clock.advance(LIMIT_MS - 59_000)
    const withoutMarker = await request(t.app).get(question).set('Cookie', sessionCookie)
    expect(withoutMarker.status).toBe(200)
    expect(withoutMarker.text).not.toContain(checked)
    // The same session with its marker was within its limit, but it has ended for good.
    const withMarker = await request(t.app).get(question).set('Cookie', [sessionCookie, markerCookie])
    expect(withMarker.text).not.toContain(checked)
  })
})

describe('the timeout warning and "Delete my answers" after page views that were not written', () => {
  it('a page served without a write carries the same timeout warning', async () => {
    const citizen = new Browserish(t.app)
    await citizen.get(question)
    await citizen.post(question, { answer: 'wales' })
    const first = await citizen.get(question)
    t.clock.advance(30_000)
    const writes = countStoreWrites()
    const later = await citizen.get(question)
    writes.done()
    expect(writes.count()).toBe(0)
    expect(warningOf(later.text)).toEqual([String(IDLE_MINUTES * 60), String(t.config.sessionWarningSeconds)])
    expect(warningOf(later.text)).toEqual(warningOf(first.text))
  })

  it('"Delete my answers" removes the session from the store at once', async () => {
    const { citizen, sessionCookie } = await answeredThenLookedAgain()
    const res = await citizen.post('/session/delete', { reason: 'choice' })
    expect(res.headers.location).toMatch(/^\/session\/deleted\?lang=en/)
    expect(await stored(sidOf(sessionCookie))).toBeFalsy()
    const replayed = await request(t.app).get(question).set('Cookie', sessionCookie)
    expect(replayed.text).not.toContain(checked)
  })
})

describe('a staff session keeps its own, shorter idle limit', () => {
  const staffLimitMs = () => t.config.staffIdleMinutes * 60_000

  /** Signed in (a write), then the staff home again 59 seconds later, not written. */
  async function staffLookedAgain() {
    const { client, staff } = await signedInClient(t, 'adviser')
    const writes = countStoreWrites()
    t.clock.advance(59_000)
    const again = await client.get('/staff')
    writes.done()
    expect(writes.count()).toBe(0)
    expect(again.text).toContain(staff.email)
    return { client, staff }
  }

  it("warns at that limit on a page not written, while a citizen's page warns at the citizen's", async () => {
    const { client } = await staffLookedAgain()
    const staffPage = await client.get('/staff')
    const staffSeconds = t.config.staffIdleMinutes * 60
    expect(staffSeconds).toBeLessThan(IDLE_MINUTES * 60)
    expect(warningOf(staffPage.text)).toEqual([
      String(staffSeconds),
      String(Math.min(t.config.sessionWarningSeconds, staffSeconds - 1)),
    ])
    const citizen = new Browserish(t.app)
    await citizen.get(question)
    await citizen.post(question, { answer: 'wales' })
    expect(warningOf((await citizen.get(question)).text)?.[0]).toBe(String(IDLE_MINUTES * 60))
  })

  it('still signed in one millisecond before it, counted from the last page view', async () => {
    const { client, staff } = await staffLookedAgain()
    t.clock.advance(staffLimitMs() - 1)
    const res = await client.get('/staff')
    expect(res.status).toBe(200)
    expect(res.text).toContain(staff.email)
  })

  it('signed out at it', async () => {
    const { client, staff } = await staffLookedAgain()
    t.clock.advance(staffLimitMs())
    const res = await client.get('/staff')
    expect(res.text ?? '').not.toContain(staff.email)
    expect(res.status).not.toBe(200)
  })
})

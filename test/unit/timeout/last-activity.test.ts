import session from 'express-session'
import { BoundedRenewalStore } from '../../../app/middleware/session-renewal'
import { lastActivity, RENEWAL_BOUND_MS } from '../../../app/timeout/last-activity'
import { sessionHoldsWork } from '../../../app/timeout/session-state'
import { TestClock } from '../../helpers/clock'

const marker = (lastSeen: number) => ({ lastSeen, lang: 'en' as const, keptDraft: false })

describe('the last activity of a session whose page views are not all written', () => {
  it('is the browser’s marker when it falls within a renewal of the last write', () => {
    expect(lastActivity(1_000_000, marker(1_000_000 + 59_000))).toBe(1_059_000)
  })

  it('never moves past the renewal bound, whatever marker is sent (one from another session)', () => {
    expect(lastActivity(1_000_000, marker(9_000_000))).toBe(1_000_000 + RENEWAL_BOUND_MS)
  })

  it('is the last write without a marker, or with an older one', () => {
    expect(lastActivity(1_000_000, undefined)).toBe(1_000_000)
    expect(lastActivity(1_000_000, marker(500_000))).toBe(1_000_000)
  })

  it('is unknown for a session stored before renewals were bounded (its stored expiry is exact)', () => {
    expect(lastActivity(undefined, marker(1_000_000))).toBeUndefined()
  })

  it('the write time is bookkeeping: a session holding only it and a language has nothing to lose', () => {
    expect(sessionHoldsWork({ cookie: {}, lang: 'cy', renewedAt: 1 })).toBe(false)
  })
})

describe('what the bounded store writes', () => {
  it('stamps the write time and keeps the session a renewal longer than the browser’s cookie', () => {
    const written: session.SessionData[] = []
    const inner = new (class extends session.MemoryStore {
      override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void) {
        written.push(JSON.parse(JSON.stringify(data)) as session.SessionData)
        super.set(sid, data, callback)
      }
    })()
    const clock = new TestClock()
    const store = new BoundedRenewalStore(inner, clock.now)
    const expires = new Date('2026-12-01T10:20:00Z')
    const cookie = Object.assign(new session.Cookie(), { expires })
    const data = { cookie, answer: 'x' } as unknown as session.SessionData
    store.set('sid', data)
    expect(written[0]?.renewedAt).toBe(clock.millis())
    expect(new Date(String(written[0]?.cookie.expires)).getTime()).toBe(expires.getTime() + RENEWAL_BOUND_MS)
    // The live session (and the cookie the browser was sent) is left as it was.
    expect(cookie.expires).toEqual(expires)
    expect('renewedAt' in data).toBe(false)

    store.touch('sid', { ...data, renewedAt: clock.millis() } as session.SessionData)
    expect(written).toHaveLength(1)
    clock.advance(RENEWAL_BOUND_MS)
    store.touch('sid', { ...data, renewedAt: clock.millis() - RENEWAL_BOUND_MS } as session.SessionData)
    expect(written).toHaveLength(2)
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type session from 'express-session'
import { migrate } from '../../../app/store/migrate'
import { SessionRowCache } from '../../../app/store/session-row-cache'
import { stoppedClock, TestClock } from '../../helpers/clock'
import { DbSessionStore } from '../../../app/store/sqlite-session-store'
import { SqliteDb } from '../../../app/store/sqlite'

const sessionWith = (expires: Date, lang: 'en' | 'cy' = 'cy') =>
  ({ cookie: { expires, originalMaxAge: 1000 }, lang }) as unknown as session.SessionData

function call<T>(fn: (cb: (err?: unknown, value?: T) => void) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))))
}

const later = (ms = 60_000) => new Date(Date.now() + ms)

/** A migrated SQLite file of its own. */
async function freshDb(): Promise<SqliteDb> {
  const db = new SqliteDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-sess-')), 's.sqlite'))
  await migrate(db, stoppedClock)
  return db
}

// The same behaviour whether rows are read from the database each time (a shared PostgreSQL)
// or kept in memory after the first read (SQLite, which one process owns).
describe.each([
  ['read from the database every time', false],
  ['kept in memory', true],
])('database session store, %s', (_title, cached) => {
  let db: SqliteDb
  let store: DbSessionStore
  let clock: TestClock
  beforeEach(async () => {
    clock = new TestClock()
    db = await freshDb()
    store = new DbSessionStore(db, 60_000, clock.now, cached ? new SessionRowCache() : undefined)
  })
  afterEach(() => db.close())

  // express-session stamps the cookie's expiry from the wall clock (Date.now); the store
  // counts the time left from the app's clock, so moving that clock on ends the session.
  it('gives back what it was given until it expires on the app’s clock', async () => {
    await call((cb) => store.set('a', sessionWith(new Date(Date.now() + 60_000)), cb))
    expect(await call((cb) => store.get('a', cb))).toMatchObject({ lang: 'cy' })
    clock.advance(55_000)
    expect(await call((cb) => store.get('a', cb))).toMatchObject({ lang: 'cy' })
    expect(await store.purgeExpired()).toBe(0)
    clock.advance(5_000)
    expect(await call((cb) => store.get('a', cb))).toBeNull()
    expect(await store.purgeExpired()).toBe(1)
  })

  it('counts a session without an expiry from the store’s default lifetime', async () => {
    await call((cb) => store.set('d', { lang: 'en' } as unknown as session.SessionData, cb))
    clock.advance(59_000)
    expect(await call((cb) => store.get('d', cb))).toMatchObject({ lang: 'en' })
    clock.advance(1_000)
    expect(await call((cb) => store.get('d', cb))).toBeNull()
  })

  it('treats an expired session as gone and purges it', async () => {
    await call((cb) => store.set('old', sessionWith(new Date(Date.now() - 1)), cb))
    expect(await call((cb) => store.get('old', cb))).toBeNull()
    expect(await store.purgeExpired()).toBe(1)
  })

  it('forgets a destroyed session', async () => {
    await call((cb) => store.set('b', sessionWith(new Date(Date.now() + 60_000)), cb))
    await call((cb) => store.destroy('b', cb))
    expect(await call((cb) => store.get('b', cb))).toBeNull()
  })

  it('keeps a touched session alive past its first expiry, and no longer than the new one', async () => {
    await call((cb) => store.set('t', sessionWith(later(60_000)), cb))
    expect(await call((cb) => store.get('t', cb))).toMatchObject({ lang: 'cy' })
    await call((cb) => store.touch('t', sessionWith(later(120_000)), cb))
    clock.advance(90_000)
    expect(await call((cb) => store.get('t', cb))).toMatchObject({ lang: 'cy' })
    clock.advance(30_000)
    expect(await call((cb) => store.get('t', cb))).toBeNull()
  })

  it('keeps the expiry the database holds when a save and a touch of one session cross', async () => {
    await call((cb) => store.set('st', sessionWith(later(60_000)), cb))
    expect(await call((cb) => store.get('st', cb))).toMatchObject({ lang: 'cy' })
    // Two requests of one citizen at once: one saves, the other renews; the renewal lands last.
    await Promise.all([
      call((cb) => store.set('st', sessionWith(later(60_000)), cb)),
      call((cb) => store.touch('st', sessionWith(later(120_000)), cb)),
    ])
    clock.advance(90_000)
    expect(await call((cb) => store.get('st', cb))).toMatchObject({ lang: 'cy' })
  })

  it('gives back the session as last stored when a write fails, not what was being written', async () => {
    await call((cb) => store.set('f', sessionWith(later(), 'cy'), cb))
    expect(await call((cb) => store.get('f', cb))).toMatchObject({ lang: 'cy' })
    jest.spyOn(db, 'run').mockRejectedValueOnce(new Error('disk I/O error'))
    await expect(call((cb) => store.set('f', sessionWith(later(), 'en'), cb))).rejects.toThrow('disk I/O error')
    expect(await call((cb) => store.get('f', cb))).toMatchObject({ lang: 'cy' })
  })

  it('never answers with an older session after a read and a write crossed', async () => {
    // Stored before this store has seen it (an earlier run of the server), so the first read
    // goes to the database.
    const earlier = new DbSessionStore(db, 60_000, clock.now)
    await call((cb) => earlier.set('x', sessionWith(later(), 'cy'), cb))
    // A read that has fetched the old row but not yet finished when the write lands (on
    // SQLite a read can wait behind another request's transaction).
    const realGet = db.get.bind(db)
    let finishRead!: () => void
    const held = new Promise<void>((resolve) => (finishRead = resolve))
    jest.spyOn(db, 'get').mockImplementationOnce(async (sql, params) => {
      const row = await realGet(sql, params)
      await held
      return row as never
    })
    const slowRead = call((cb) => store.get('x', cb))
    await call((cb) => store.set('x', sessionWith(later(), 'en'), cb))
    finishRead()
    expect(await slowRead).toMatchObject({ lang: 'cy' })
    expect(await call((cb) => store.get('x', cb))).toMatchObject({ lang: 'en' })
  })
})

describe('database session store kept in memory', () => {
  let db: SqliteDb
  let clock: TestClock
  beforeEach(async () => {
    clock = new TestClock()
    db = await freshDb()
  })
  afterEach(() => db.close())

  it('reads a returning session without going to the database', async () => {
    const store = new DbSessionStore(db, 60_000, clock.now, new SessionRowCache())
    await call((cb) => store.set('r', sessionWith(later()), cb))
    const reads = jest.spyOn(db, 'get')
    for (let view = 0; view < 5; view++) expect(await call((cb) => store.get('r', cb))).toMatchObject({ lang: 'cy' })
    expect(reads).not.toHaveBeenCalled()
  })

  it('gives each read its own copy, so one request changing its session changes nothing stored', async () => {
    const store = new DbSessionStore(db, 60_000, clock.now, new SessionRowCache())
    await call((cb) => store.set('c', sessionWith(later()), cb))
    const first = await call<session.SessionData | null>((cb) => store.get('c', cb))
    if (first) Object.assign(first, { lang: 'en' })
    expect(await call((cb) => store.get('c', cb))).toMatchObject({ lang: 'cy' })
  })

  it('holds no more than its allowance however many sessions are stored, and still finds the rest', async () => {
    const cache = new SessionRowCache(2_000)
    const store = new DbSessionStore(db, 60_000, clock.now, cache)
    for (let i = 0; i < 50; i++) await call((cb) => store.set(`s${i}`, sessionWith(later()), cb))
    expect(cache.size.chars).toBeLessThanOrEqual(2_000)
    expect(cache.size.sessions).toBeLessThan(50)
    expect(await call((cb) => store.get('s0', cb))).toMatchObject({ lang: 'cy' })
  })

  it('lets go of expired sessions when the database purges its own', async () => {
    const cache = new SessionRowCache()
    const store = new DbSessionStore(db, 60_000, clock.now, cache)
    await call((cb) => store.set('short', sessionWith(later(10_000)), cb))
    await call((cb) => store.set('long', sessionWith(later(60_000)), cb))
    clock.advance(30_000)
    expect(await store.purgeExpired()).toBe(1)
    expect(cache.size.sessions).toBe(1)
  })
})

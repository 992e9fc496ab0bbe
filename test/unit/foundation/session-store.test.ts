import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type session from 'express-session'
import { migrate } from '../../../app/store/migrate'
import { stoppedClock, TestClock } from '../../helpers/clock'
import { DbSessionStore } from '../../../app/store/sqlite-session-store'
import { SqliteDb } from '../../../app/store/sqlite'
import { storeCall as call } from '../../helpers/store-call'

const sessionWith = (expires: Date, lang: 'en' | 'cy' = 'cy') =>
  ({ cookie: { expires, originalMaxAge: 1000 }, lang }) as unknown as session.SessionData

describe('database session store', () => {
  let db: SqliteDb
  let store: DbSessionStore
  let clock: TestClock
  beforeEach(async () => {
    clock = new TestClock()
    db = new SqliteDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-sess-')), 's.sqlite'))
    await migrate(db, stoppedClock)
    store = new DbSessionStore(db, 60_000, clock.now)
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

  // Two processes can have the file open at once (a restart that overlaps the old process,
  // or two app instances as the counting tests run them), so no store may answer from a copy.
  it('sees a change made through another connection to the same file at once', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-sess-')), 'shared.sqlite')
    const [one, two] = [new SqliteDb(file), new SqliteDb(file)]
    try {
      await migrate(one, stoppedClock)
      const [a, b] = [new DbSessionStore(one, 60_000, clock.now), new DbSessionStore(two, 60_000, clock.now)]
      await call((cb) => a.set('s', sessionWith(new Date(Date.now() + 60_000), 'cy'), cb))
      expect(await call((cb) => b.get('s', cb))).toMatchObject({ lang: 'cy' })
      await call((cb) => a.set('s', sessionWith(new Date(Date.now() + 60_000), 'en'), cb))
      expect(await call((cb) => b.get('s', cb))).toMatchObject({ lang: 'en' })
      await call((cb) => a.destroy('s', cb))
      expect(await call((cb) => b.get('s', cb))).toBeNull()
    } finally {
      await one.close()
      await two.close()
    }
  })
})

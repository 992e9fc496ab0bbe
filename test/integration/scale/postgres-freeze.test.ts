import { DatabaseUnavailableError } from '../../../app/store/db'
import { PostgresDb } from '../../../app/store/postgres'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { createTestDatabase, describeWith, type TestDatabase } from '../../helpers/services'
import { TcpProxy } from '../../helpers/tcp-proxy'
import { elapsed, expectWithin } from '../../helpers/elapsed'

// Issue 20: a PostgreSQL connection that went silent hung requests for 40–60 s. A frozen
// proxy accepts connections and holds every byte, the way a paused server or a network
// black hole does. The bound asserted (5 s) is the promise to citizens; the time-outs that
// keep it are 2 s to connect and 4 s for a reply, so a loaded machine has slack either way.
const PROMISE_MS = 5000

/** The work, measured without the machine's waits for a CPU (see elapsed.ts), as value or error. */
async function timed<T>(work: Promise<T>, what: string): Promise<{ error?: unknown; value?: T }> {
  const result = await elapsed(() => work)
  expectWithin(result.elapsed, PROMISE_MS, what)
  return result.ok ? { value: result.value } : { error: result.error }
}

describeWith(['postgres'], 'a silent PostgreSQL connection', () => {
  let database: TestDatabase
  let proxy: TcpProxy

  beforeAll(async () => {
    database = await createTestDatabase()
    proxy = await TcpProxy.start(Number(new URL(database.url).port) || 5432)
  })
  afterAll(async () => {
    proxy.thaw()
    await proxy.close()
    await database.drop()
  })
  afterEach(() => proxy.thaw())

  it('gives a new checkout up as unavailable within 5 seconds', async () => {
    const db = new PostgresDb(proxy.via(database.url))
    try {
      proxy.freeze()
      const result = await timed(db.get('SELECT 1 AS ok'), 'a new checkout')
      expect(result.error).toBeInstanceOf(DatabaseUnavailableError)
    } finally {
      await db.close().catch(() => undefined)
    }
  })

  it('gives a query already in flight up as unavailable within 5 seconds, and serves again after', async () => {
    const db = new PostgresDb(proxy.via(database.url))
    try {
      await db.get('SELECT 1 AS ok')
      const inFlight = timed(db.get('SELECT pg_sleep(0.3) AS slept'), 'a query in flight')
      await new Promise((resolve) => setTimeout(resolve, 50))
      proxy.freeze()
      const result = await inFlight
      expect(result.error).toBeInstanceOf(DatabaseUnavailableError)
      proxy.thaw()
      expect(await db.get('SELECT 2 AS ok')).toEqual({ ok: 2 })
    } finally {
      await db.close().catch(() => undefined)
    }
  })

  describe('through the whole portal', () => {
    let t: TestApp
    beforeAll(async () => {
      // Sessions in PostgreSQL too (no REDIS_URL), so every page needs the database.
      t = await createTestApp({ DATABASE_URL: proxy.via(database.url) })
    })
    afterAll(() => t.close())

    it('answers "try again later" (503, Retry-After) within 5 seconds for a citizen mid-application', async () => {
      const citizen = new Browserish(t.app)
      await citizen.post(
        '/apply/dbs-basic/name',
        { fullName: 'Ceri Price', action: 'continue' },
        '/apply/dbs-basic/name',
      )
      proxy.freeze()
      const page = await timed(citizen.get('/apply/dbs-basic/task-list'), 'the page')
      proxy.thaw()
      expect(page.value?.status).toBe(503)
      expect(page.value?.headers['retry-after']).toBeDefined()
      expect(page.value?.text).toContain('Sorry, there is a problem with the service')
      expect((await citizen.get('/apply/dbs-basic/name')).text).toContain('value="Ceri Price"')
    })
  })
})

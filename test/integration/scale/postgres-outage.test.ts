import { DatabaseUnavailableError } from '../../../app/store/db'
import { PostgresDb } from '../../../app/store/postgres'
import { createTestDatabase, describeWith, type TestDatabase } from '../../helpers/services'
import { TcpProxy } from '../../helpers/tcp-proxy'
import { elapsed, expectWithin } from '../../helpers/elapsed'

describeWith(['postgres'], 'PostgreSQL adapter when the database goes away', () => {
  let database: TestDatabase
  let proxy: TcpProxy
  let db: PostgresDb

  beforeAll(async () => {
    database = await createTestDatabase()
    proxy = await TcpProxy.start(Number(new URL(database.url).port) || 5432)
    db = new PostgresDb(proxy.via(database.url), { connectionTimeoutMillis: 1000 })
    await db.run('CREATE TABLE drafts (id TEXT PRIMARY KEY, answers TEXT NOT NULL)')
    await db.run("INSERT INTO drafts VALUES ('d1', 'kept')")
  })

  afterAll(async () => {
    await db.close()
    await proxy.close()
    await database.drop()
  })

  it('says "unavailable" within two seconds, for queries and transactions alike', async () => {
    proxy.cut()
    try {
      const query = await elapsed(() => db.get('SELECT answers FROM drafts'))
      const transaction = await elapsed(() =>
        db.transaction((tx) => tx.run("UPDATE drafts SET answers = 'half' WHERE id = 'd1'")),
      )
      for (const [what, result] of [
        ['A query', query],
        ['A transaction', transaction],
      ] as const) {
        expect(result).toMatchObject({ ok: false, error: expect.any(DatabaseUnavailableError) })
        expectWithin(result.elapsed, 2000, `${what} on a cut connection`)
      }
    } finally {
      proxy.restore()
    }
  })

  it('loses nothing when the connection drops mid-transaction, and serves again afterwards', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run("UPDATE drafts SET answers = 'half' WHERE id = 'd1'")
        proxy.cut()
        await tx.run("INSERT INTO drafts VALUES ('d2', 'never')")
      }),
    ).rejects.toBeInstanceOf(DatabaseUnavailableError)
    proxy.restore()
    expect(await db.all('SELECT id, answers FROM drafts')).toEqual([{ id: 'd1', answers: 'kept' }])
  })

  it('refuses an unreachable server with DatabaseUnavailableError, not a hang', async () => {
    const nowhere = new PostgresDb('postgres://postgres@127.0.0.1:1/test', { connectionTimeoutMillis: 500 })
    await expect(nowhere.ping()).rejects.toBeInstanceOf(DatabaseUnavailableError)
    await nowhere.close()
  })
})

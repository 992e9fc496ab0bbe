import type { Db } from '../../../app/store/db'
import { migrate } from '../../../app/store/migrate'
import { stoppedClock } from '../../helpers/clock'
import { migrations } from '../../../app/store/migrations'
import { contractBackends } from '../../helpers/backends'
import { slowMigrations } from '../../helpers/children/slow-migrations'
import { spawnTsChild } from '../../helpers/ts-child'

/** Runs the migrate child and resolves with the ids it applied. */
function migrateInChild(dialect: string, target: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawnTsChild('migrate.ts', [dialect, target])
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`exit ${code}: ${err}`)),
    )
  })
}

// The same cases on every backend: the port promises one behaviour, whichever database is behind it.
describe.each(contractBackends())('Db port on $dialect', (factory) => {
  let handle: Awaited<ReturnType<typeof factory.create>>
  let db: Db

  beforeEach(async () => {
    handle = await factory.create()
    db = handle.open()
    await db.run('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size BIGINT, note TEXT)')
  })

  afterEach(async () => {
    await db.close().catch(() => undefined)
    await handle.destroy()
  })

  it('binds $n placeholders in any order and reads rows back as plain objects', async () => {
    await db.run('INSERT INTO items (id, name, size, note) VALUES ($2, $1, $3, $4)', ['a', 1, 10, null])
    await db.run('INSERT INTO items (id, name, size, note) VALUES ($1, $2, $3, $4)', [2, 'b’s “quote” ☃', 20, 'x'])
    expect(await db.all('SELECT id, name, size, note FROM items ORDER BY id')).toEqual([
      { id: 1, name: 'a', size: 10, note: null },
      { id: 2, name: 'b’s “quote” ☃', size: 20, note: 'x' },
    ])
    expect(await db.get('SELECT name FROM items WHERE id = $1', [2])).toEqual({ name: 'b’s “quote” ☃' })
    expect(await db.get('SELECT name FROM items WHERE id = $1', [99])).toBeUndefined()
  })

  it('returns counts and big integers as numbers, like SQLite does', async () => {
    await db.run('INSERT INTO items (id, name, size) VALUES (1, $1, $2)', ['a', 1_700_000_000_000])
    expect(await db.get('SELECT COUNT(*) AS n, MAX(size) AS biggest FROM items')).toEqual({
      n: 1,
      biggest: 1_700_000_000_000,
    })
  })

  it('reports how many rows a write changed, and 0 for an upsert that did nothing', async () => {
    await db.run('INSERT INTO items (id, name) VALUES (1, $1), (2, $2)', ['a', 'b'])
    expect(await db.run('UPDATE items SET note = $1', ['n'])).toEqual({ changes: 2 })
    expect(await db.run('INSERT INTO items (id, name) VALUES (3, $1) ON CONFLICT (name) DO NOTHING', ['a'])).toEqual({
      changes: 0,
    })
  })

  it('commits a transaction whole and returns its value', async () => {
    const value = await db.transaction(async (tx) => {
      await tx.run('INSERT INTO items (id, name) VALUES (1, $1)', ['a'])
      await tx.run('INSERT INTO items (id, name) VALUES (2, $1)', ['b'])
      return (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM items'))?.n
    })
    expect(value).toBe(2)
    expect(await db.get('SELECT COUNT(*) AS n FROM items')).toEqual({ n: 2 })
  })

  it('rolls back every write of a transaction that fails half way', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO items (id, name) VALUES (1, $1)', ['a'])
        await tx.run('INSERT INTO items (id, name) VALUES (2, $1)', ['a']) // unique violation
      }),
    ).rejects.toThrow()
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO items (id, name) VALUES (3, $1)', ['c'])
        throw new Error('the caller changed its mind')
      }),
    ).rejects.toThrow('the caller changed its mind')
    expect(await db.get('SELECT COUNT(*) AS n FROM items')).toEqual({ n: 0 })
  })

  it('keeps concurrent transactions apart, so none sees or loses another one’s writes', async () => {
    await db.run('INSERT INTO items (id, name, size) VALUES (1, $1, 0)', ['counter'])
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .transaction(async (tx) => {
            await tx.run('UPDATE items SET size = size + 1 WHERE id = 1')
            await tx.run('INSERT INTO items (id, name) VALUES ($1, $2)', [100 + i, `n${i}`])
            if (i % 2 === 1) throw new Error('odd ones fail')
          })
          .catch(() => undefined),
      ),
    )
    expect(await db.get('SELECT size FROM items WHERE id = 1')).toEqual({ size: 10 })
    expect(await db.get('SELECT COUNT(*) AS n FROM items')).toEqual({ n: 11 })
  })

  it('answers ping while open and refuses after close', async () => {
    await expect(db.ping()).resolves.toBeUndefined()
    await db.close()
    await expect(db.ping()).rejects.toThrow()
  })

  it('applies each migration once, and a second start finds nothing to do', async () => {
    expect(await migrate(db, stoppedClock)).toEqual(migrations.map((m) => m.id))
    expect(await migrate(db, stoppedClock)).toEqual([])
  })

  it('rolls a failing migration back whole so the next start can retry it', async () => {
    const broken = { id: '998-test-broken', sql: ['CREATE TABLE half (id INTEGER)', 'THIS IS NOT SQL'] }
    await expect(migrate(db, stoppedClock, [...migrations, broken])).rejects.toThrow()
    expect(await db.all("SELECT id FROM items WHERE name = 'nothing'")).toEqual([])
    await expect(db.get('SELECT COUNT(*) AS n FROM half')).rejects.toThrow()
    expect(await migrate(db, stoppedClock)).toEqual(migrations.map((m) => m.id))
  })

  it('lets three instances start at once: every migration applied exactly once', async () => {
    await db.close()
    const results = await Promise.all([1, 2, 3].map(() => migrateInChild(factory.dialect, handle.target)))
    const all = [...migrations, ...slowMigrations].map((m) => m.id)
    expect(results.flat().sort()).toEqual([...all].sort())
    db = handle.open()
    expect(await db.get('SELECT COUNT(*) AS n FROM schema_migrations')).toEqual({ n: all.length })
    expect(await db.get('SELECT COUNT(*) AS n FROM migration_probe')).toEqual({ n: 20000 })
  })
})

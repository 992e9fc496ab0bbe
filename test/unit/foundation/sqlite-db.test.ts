import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrate } from '../../../app/store/migrate'
import { stoppedClock } from '../../helpers/clock'
import { SqliteDb } from '../../../app/store/sqlite'

let db: SqliteDb

beforeEach(async () => {
  db = new SqliteDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-db-')), 'test.sqlite'))
  await db.run('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)')
})
afterEach(() => db.close())

describe('SQLite adapter', () => {
  it('reads and writes with $n placeholders', async () => {
    await db.run('INSERT INTO items (id, name) VALUES ($1, $2)', [1, 'first'])
    expect(await db.get('SELECT name FROM items WHERE id = $1', [1])).toEqual({ name: 'first' })
    expect(await db.all('SELECT id FROM items')).toEqual([{ id: 1 }])
    expect((await db.run('DELETE FROM items WHERE id = $1', [1])).changes).toBe(1)
  })

  it('answers a kept (already prepared) query with the schema as it is now, after a migration changes it', async () => {
    await db.run('INSERT INTO items (id, name) VALUES (1, $1)', ['first'])
    expect(await db.all('SELECT * FROM items')).toEqual([{ id: 1, name: 'first' }])
    await db.run("ALTER TABLE items ADD COLUMN note TEXT NOT NULL DEFAULT 'none'")
    expect(await db.all('SELECT * FROM items')).toEqual([{ id: 1, name: 'first', note: 'none' }])
    await db.run('DROP TABLE items')
    await expect(db.all('SELECT * FROM items')).rejects.toThrow(/no such table/)
  })

  it('rolls back every write of a failed transaction', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO items (id, name) VALUES (1, $1)', ['kept?'])
        await tx.run('INSERT INTO items (id, name) VALUES (2, $1)', ['kept?'])
      }),
    ).rejects.toThrow()
    expect(await db.all('SELECT * FROM items')).toEqual([])
  })

  it('keeps other requests out of a transaction that is waiting on something', async () => {
    let outsideSawInsideWrite = false
    const inside = db.transaction(async (tx) => {
      await tx.run('INSERT INTO items (id, name) VALUES (1, $1)', ['inside'])
      await new Promise((resolve) => setTimeout(resolve, 20))
      throw new Error('abandon')
    })
    const outside = db.all('SELECT * FROM items').then((rows) => {
      outsideSawInsideWrite = rows.length > 0
    })
    await expect(inside).rejects.toThrow('abandon')
    await outside
    expect(outsideSawInsideWrite).toBe(false)
  })

  it('applies migrations once, however often it starts', async () => {
    const list = [{ id: 'x-1', sql: ['CREATE TABLE things (id INTEGER PRIMARY KEY)'] }]
    expect(await migrate(db, stoppedClock, list)).toEqual(['x-1'])
    expect(await migrate(db, stoppedClock, list)).toEqual([])
  })

  it('leaves no trace of a migration that fails part way', async () => {
    const list = [{ id: 'x-2', sql: ['CREATE TABLE half (id INTEGER)', 'THIS IS NOT SQL'] }]
    await expect(migrate(db, stoppedClock, list)).rejects.toThrow()
    expect(await db.get("SELECT name FROM sqlite_master WHERE name = 'half'")).toBeUndefined()
    // Not recorded as applied either: the corrected migration runs next time.
    expect(await migrate(db, stoppedClock, [{ id: 'x-2', sql: ['CREATE TABLE half (id INTEGER)'] }])).toEqual(['x-2'])
  })
})

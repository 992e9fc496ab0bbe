import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '../../app/store/db'
import { PostgresDb } from '../../app/store/postgres'
import { SqliteDb } from '../../app/store/sqlite'
import { createTestDatabase, servicesAvailable } from './services'

/**
 * A fresh, empty database of one dialect for a test file. `target` is the SQLite file or
 * the PostgreSQL URL, for child processes that open their own connection.
 */
export interface TestDbFactory {
  dialect: Db['dialect']
  create(): Promise<{ target: string; open(): Db; destroy(): Promise<void> }>
}

export const sqliteFactory: TestDbFactory = {
  dialect: 'sqlite',
  async create() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-db-'))
    const target = path.join(dir, 'portal.sqlite')
    return {
      target,
      open: () => new SqliteDb(target),
      destroy: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  },
}

export const postgresFactory: TestDbFactory = {
  dialect: 'postgres',
  async create() {
    const database = await createTestDatabase()
    return { target: database.url, open: () => new PostgresDb(database.url), destroy: () => database.drop() }
  },
}

/** SQLite always; PostgreSQL when reachable (and required under CI=true). */
export function contractBackends(): TestDbFactory[] {
  return servicesAvailable('postgres') ? [sqliteFactory, postgresFactory] : [sqliteFactory]
}

import type { Clock } from '../clock'
import type { Db } from './db'
import { migrations, type Migration } from './migrations'

/** Any constant both dialects agree on; it names the "migrating" lock on PostgreSQL. */
const MIGRATION_LOCK = 727274

/**
 * Applies every migration not yet recorded, in order, and returns the ids it applied.
 *
 * Several instances may start at once, so everything — creating the bookkeeping table,
 * checking what is done, applying the rest — happens in ONE transaction that first takes
 * an exclusive lock: `pg_advisory_xact_lock` on PostgreSQL, `BEGIN IMMEDIATE` (the write
 * lock) on SQLite. The first instance applies; the others wait, then find nothing to do.
 * A transaction-scoped lock matters on PostgreSQL: a session lock taken through a pool
 * could be released on a different connection than took it, and would outlive a crash.
 * Both databases have transactional DDL, so a failing migration leaves the schema as it was.
 */
export async function migrate(db: Db, clock: Clock, list: readonly Migration[] = migrations): Promise<string[]> {
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await tx.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
    const applied: string[] = []
    for (const migration of list) {
      const done = await tx.get('SELECT id FROM schema_migrations WHERE id = $1', [migration.id])
      if (done) continue
      const statements = migration[db.dialect] ?? migration.sql
      if (!statements) throw new Error(`Migration ${migration.id} has no SQL for ${db.dialect}`)
      for (const sql of statements) await tx.run(sql)
      await tx.run('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [
        migration.id,
        clock().toISOString(),
      ])
      applied.push(migration.id)
    }
    return applied
  })
}

import type { Db } from './db'
import { migrations, type Migration } from './migrations'

/**
 * Applies every migration not yet recorded, in order, each in its own transaction.
 * On PostgreSQL an advisory lock makes it safe for several instances to start at once:
 * the first applies, the others wait and then find nothing left to do.
 */
export async function migrate(db: Db, list: readonly Migration[] = migrations): Promise<string[]> {
  await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
  const applied: string[] = []
  const work = async () => {
    for (const migration of list) {
      const done = await db.get('SELECT id FROM schema_migrations WHERE id = $1', [migration.id])
      if (done) continue
      await db.transaction(async (tx) => {
        const statements = migration[db.dialect] ?? migration.sql
        if (!statements) throw new Error(`Migration ${migration.id} has no SQL for ${db.dialect}`)
        for (const sql of statements) await tx.run(sql)
        await tx.run('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [
          migration.id,
          new Date().toISOString(),
        ])
      })
      applied.push(migration.id)
    }
  }
  if (db.dialect === 'postgres') {
    await db.run('SELECT pg_advisory_lock(727274)')
    try {
      await work()
    } finally {
      await db.run('SELECT pg_advisory_unlock(727274)')
    }
  } else {
    await work()
  }
  return applied
}

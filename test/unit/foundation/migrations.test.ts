import type { Clock } from '../../../app/clock'
import { migrate } from '../../../app/store/migrate'
import { migrations } from '../../../app/store/migrations'
import { sessions } from '../../../app/store/migrations/001-sessions'
import { applications } from '../../../app/store/migrations/010-applications'
import { SqliteDb } from '../../../app/store/sqlite'

/**
 * A shipped migration is never run again where it was applied, so the list must lead every
 * database — whatever history it has — to one schema. 010-applications once created the
 * audit trail table as well (as shipped, below); a database made before the staff area's
 * migrations existed got the table from it. Both histories must end alike.
 */
const AUDIT_AS_010_SHIPPED_IT = [
  `CREATE TABLE IF NOT EXISTS audit_events (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      actor_type TEXT NOT NULL,
      actor_id TEXT,
      action TEXT NOT NULL,
      reference TEXT,
      channel TEXT NOT NULL
    )`,
  'CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events (at)',
  'CREATE INDEX IF NOT EXISTS audit_events_reference ON audit_events (reference)',
]

/** Tables, indexes and triggers, each with its definition, whitespace aside. */
async function schema(db: SqliteDb): Promise<string[]> {
  const rows = await db.all<{ type: string; name: string; sql: string | null }>(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
  )
  return rows.map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`)
}

/** Migrations record when they were applied; any fixed time does here. */
const clock: Clock = () => new Date('2026-01-01T00:00:00Z')

const open: SqliteDb[] = []
const fresh = () => {
  const db = new SqliteDb(':memory:')
  open.push(db)
  return db
}
afterAll(async () => {
  for (const db of open) await db.close()
})

describe('migrations', () => {
  it('bring a database made before the staff area, with the audit table from 010, to the schema of a new one', async () => {
    const made = fresh()
    await migrate(made, clock)
    const old = fresh()
    await migrate(old, clock, [
      sessions,
      { ...applications, sql: [...(applications.sql ?? []), ...AUDIT_AS_010_SHIPPED_IT] },
    ])
    const applied = await migrate(old, clock)
    expect(applied).not.toContain('010-applications')
    expect(applied).toContain('021-audit-events')
    expect(await schema(old)).toEqual(await schema(made))
    expect((await schema(made)).filter((s) => s.startsWith('table audit_events'))).toHaveLength(1)
  })

  it('apply nothing twice: a second run finds everything done', async () => {
    const db = fresh()
    expect(await migrate(db, clock)).toEqual(migrations.map((m) => m.id))
    expect(await migrate(db, clock)).toEqual([])
  })
})

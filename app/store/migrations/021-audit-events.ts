import type { Migration } from './migration'

/**
 * The audit trail table. IF NOT EXISTS because 010-applications once created the same
 * table, and a database made before this migration existed already has it from there.
 */
export const auditEvents: Migration = {
  id: '021-audit-events',
  sql: [
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
  ],
}

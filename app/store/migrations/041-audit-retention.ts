import type { Migration } from './migration'

/**
 * The audit trail stays append-only, with two changes:
 * - TRUNCATE is refused on PostgreSQL too (a row trigger never sees a TRUNCATE, which is
 *   how it got past 022);
 * - a row may be deleted once it is more than six years old — the longest the retention
 *   policy keeps it (app/retention.ts) — so the scheduled purge can enforce that policy.
 *   The floor is in the database itself: no setting and no bug can delete a younger row.
 */
export const auditRetention: Migration = {
  id: '041-audit-retention',
  sqlite: [
    'DROP TRIGGER audit_events_no_delete',
    `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
     WHEN old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-6 years')
     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
  ],
  postgres: [
    `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'DELETE' AND OLD.at < to_char((now() AT TIME ZONE 'UTC') - interval '6 years', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') THEN
         RETURN OLD;
       END IF;
       RAISE EXCEPTION 'audit_events is append-only';
     END $$`,
    `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
     FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
  ],
}

import type { Migration } from './migration'

/**
 * The audit trail is append-only in the database itself, not just by convention: any
 * UPDATE or DELETE on audit_events is aborted, whoever issues it.
 */
export const auditAppendOnly: Migration = {
  id: '022-audit-append-only',
  sqlite: [
    `CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
    `CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
  ],
  postgres: [
    `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
     'BEGIN RAISE EXCEPTION ''audit_events is append-only''; END'`,
    `CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
     FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
  ],
}

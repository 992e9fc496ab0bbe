import type { Migration } from './migration'

/**
 * Deadline reminders a citizen asked for on a kept plan (#15). Each row is one email, held as
 * an outbox row (`outbox_id`) that is not due until `send_at`: the outbox worker sends it once,
 * like every other email, with its lease and retries. `stop_hash` is the SHA-256 (hex) of the
 * stop link's token, shared by the plan's reminders; the token itself is never stored. Rows go
 * with their kept plan (cascade), and stopping, revoking the link or "Delete my answers"
 * deletes the rows and their outbox rows still waiting (app/triage/service/reminders.ts).
 */
export const deadlineReminders: Migration = {
  id: '075-deadline-reminders',
  sql: [
    `CREATE TABLE deadline_reminders (
      id TEXT PRIMARY KEY,
      plan_id TEXT NOT NULL REFERENCES kept_plans(id) ON DELETE CASCADE,
      item TEXT NOT NULL,
      deadline_on TEXT NOT NULL,
      send_at TEXT NOT NULL,
      outbox_id TEXT NOT NULL,
      stop_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (plan_id, item)
    )`,
    'CREATE INDEX deadline_reminders_stop ON deadline_reminders (stop_hash)',
  ],
}

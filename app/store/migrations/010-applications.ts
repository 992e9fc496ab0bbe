import type { Migration } from './migration'

/**
 * Drafts, one-time resume links, submissions (one per draft: `draft_id` is UNIQUE, which is
 * what makes submission exactly-once) and the notification outbox. Channel, staff id and
 * consent time are columns from the start so assisted-digital submissions need no later
 * migration.
 *
 * The audit trail is 021-audit-events' alone. This migration once created the same table
 * too (IF NOT EXISTS); it runs after 021 in history, so on every database made since, those
 * statements changed nothing, and a database where this ran first already has the table,
 * which 021 (IF NOT EXISTS) leaves as it is. test/integration/foundation/migrations.test.ts
 * checks both histories end in the same schema.
 */
export const applications: Migration = {
  id: '010-applications',
  sql: [
    `CREATE TABLE application_drafts (
      id TEXT PRIMARY KEY,
      application TEXT NOT NULL,
      reference TEXT NOT NULL UNIQUE,
      answers TEXT NOT NULL,
      meta TEXT NOT NULL,
      channel TEXT NOT NULL,
      staff_id TEXT,
      consent_at TEXT,
      locale TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      submitted_at TEXT
    )`,
    'CREATE INDEX application_drafts_expires_at ON application_drafts (expires_at)',
    `CREATE TABLE resume_tokens (
      token_hash TEXT PRIMARY KEY,
      draft_id TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT
    )`,
    'CREATE INDEX resume_tokens_draft_id ON resume_tokens (draft_id)',
    `CREATE TABLE submissions (
      id TEXT PRIMARY KEY,
      draft_id TEXT NOT NULL UNIQUE,
      reference TEXT NOT NULL UNIQUE,
      application TEXT NOT NULL,
      answers TEXT NOT NULL,
      channel TEXT NOT NULL,
      staff_id TEXT,
      consent_at TEXT,
      locale TEXT NOT NULL,
      started_at TEXT NOT NULL,
      submitted_at TEXT NOT NULL
    )`,
    'CREATE INDEX submissions_submitted_at ON submissions (submitted_at, id)',
    `CREATE TABLE outbox (
      id TEXT PRIMARY KEY,
      template TEXT NOT NULL,
      recipient TEXT NOT NULL,
      personalisation TEXT NOT NULL,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      next_attempt_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      sent_at TEXT
    )`,
    'CREATE INDEX outbox_due ON outbox (status, next_attempt_at)',
  ],
}

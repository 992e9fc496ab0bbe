import type { Migration } from './migration'

/**
 * An adviser's cases: one row each time they start helping someone (or resume a saved
 * application), so "My cases today" can list them and take the adviser back into one.
 * `label` is what the adviser typed to tell cases apart (initials, a word — the form asks
 * for nothing personal, app/staff/case-label.ts); `consent_at` is when the citizen agreed,
 * carried into the case again on re-entry. A draft started or resumed within a case
 * records it in `application_drafts.case_id`; its state (in progress, saved, submitted)
 * is the case's status.
 */
export const staffCases: Migration = {
  id: '085-staff-cases',
  sql: [
    `CREATE TABLE staff_cases (
      id TEXT PRIMARY KEY,
      staff_id TEXT NOT NULL,
      label TEXT NOT NULL,
      channel TEXT NOT NULL,
      consent_at TEXT NOT NULL,
      started_at TEXT NOT NULL
    )`,
    'CREATE INDEX staff_cases_staff_started ON staff_cases (staff_id, started_at)',
    'ALTER TABLE application_drafts ADD COLUMN case_id TEXT',
    'CREATE INDEX application_drafts_case_id ON application_drafts (case_id)',
  ],
}

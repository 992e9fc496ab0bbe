import type { Migration } from './migration'

/**
 * Satisfaction answers from the feedback page (app/insights): the day (not the time), where
 * the citizen came from, the 1–5 rating and the improvement text after scrubbing. No session,
 * address or account links a row to anyone.
 */
export const feedback: Migration = {
  id: '051-feedback',
  sql: [
    `CREATE TABLE feedback (
      id TEXT PRIMARY KEY,
      day TEXT NOT NULL,
      ending TEXT NOT NULL,
      outcome TEXT NOT NULL,
      language TEXT NOT NULL,
      channel TEXT NOT NULL,
      rating INTEGER NOT NULL,
      improvement TEXT
    )`,
    'CREATE INDEX feedback_day ON feedback (day)',
  ],
}

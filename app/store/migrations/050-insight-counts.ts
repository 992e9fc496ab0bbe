import type { Migration } from './migration'

/**
 * Service-owner counts (app/insights): one row per day, outcome, nation, language, channel,
 * measure and subject (a question, page or validation message id, or a time bucket), holding
 * only a number. The primary key is what each instance's upsert adds to, so counts from
 * several instances at once add up exactly. Nothing in a row can name a person.
 */
export const insightCounts: Migration = {
  id: '050-insight-counts',
  sql: [
    `CREATE TABLE insight_counts (
      day TEXT NOT NULL,
      outcome TEXT NOT NULL,
      nation TEXT NOT NULL,
      language TEXT NOT NULL,
      channel TEXT NOT NULL,
      measure TEXT NOT NULL,
      subject TEXT NOT NULL,
      n BIGINT NOT NULL,
      PRIMARY KEY (day, outcome, nation, language, channel, measure, subject)
    )`,
  ],
}

import type { Migration } from './migration'

/** When a provider first read a submission through the hand-over API: retention counts from then. */
export const handedOver: Migration = {
  id: '042-handed-over',
  sql: [
    'ALTER TABLE submissions ADD COLUMN handed_over_at TEXT',
    'CREATE INDEX submissions_handed_over_at ON submissions (handed_over_at)',
  ],
}

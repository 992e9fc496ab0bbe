import type { Migration } from './migration'

/**
 * Who holds a row of the outbox while it is being sent. With several instances each runs
 * the delivery worker; a claim writes a fresh token here (and the lease's end into
 * `next_attempt_at`), and only the holder of the token may mark the row sent or due again.
 */
export const outboxLease: Migration = {
  id: '030-outbox-lease',
  sql: ['ALTER TABLE outbox ADD COLUMN claimed_by TEXT'],
}

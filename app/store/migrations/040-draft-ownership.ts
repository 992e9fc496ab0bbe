import type { Migration } from './migration'

/**
 * Who may read a draft (see app/applications/service/draft-ownership.ts):
 * - `holder_hash`: SHA-256 of the key held by the one session that may read and change the
 *   draft. NULL only for drafts made before this migration, which keep working by id until
 *   they expire (28 days at most).
 * - `link_address`: the one email address links to the draft go to; saving to another
 *   address moves it there and revokes every link sent before.
 */
export const draftOwnership: Migration = {
  id: '040-draft-ownership',
  sql: [
    'ALTER TABLE application_drafts ADD COLUMN holder_hash TEXT',
    'ALTER TABLE application_drafts ADD COLUMN link_address TEXT',
  ],
}

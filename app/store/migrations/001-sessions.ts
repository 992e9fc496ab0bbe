import type { Migration } from './migration'

export const sessions: Migration = {
  id: '001-sessions',
  sql: [
    'CREATE TABLE sessions (sid TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at BIGINT NOT NULL)',
    'CREATE INDEX sessions_expires_at ON sessions (expires_at)',
  ],
}

import type { Migration } from '../../../app/store/migrations'

/**
 * Test-only migrations that hold the migration lock long enough for a second instance to
 * arrive while the first is still applying: a bulk insert on both dialects, plus a sleep
 * on PostgreSQL. Their ids sort after every real migration.
 */
export const slowMigrations: readonly Migration[] = [
  {
    id: '999-test-slow-a',
    sql: ['CREATE TABLE migration_probe (n INTEGER PRIMARY KEY)'],
    postgres: ['CREATE TABLE migration_probe (n INTEGER PRIMARY KEY)', 'SELECT pg_sleep(0.3)'],
  },
  {
    id: '999-test-slow-b',
    sql: [
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 20000)
       INSERT INTO migration_probe (n) SELECT n FROM seq`,
    ],
  },
]

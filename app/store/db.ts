/**
 * The one query port every repository uses. SQL is written once, in the common subset of
 * SQLite and PostgreSQL, with `$1, $2 …` placeholders; each adapter maps them to its own.
 * Timestamps are stored as ISO-8601 text and booleans as 0/1 integers so that rows read the
 * same from both databases.
 */
export type SqlValue = string | number | bigint | null

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number
}

export interface Queryable {
  all<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]>
  get<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>
}

export interface Db extends Queryable {
  readonly dialect: 'sqlite' | 'postgres'
  /**
   * Runs `fn` in one transaction: every write inside it lands, or none does. On SQLite,
   * transactions are serialised with every other query so that an `await` inside one never
   * lets another request's statements join it.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Cheap round trip used by `/ready`. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** Raised by an adapter when the database cannot be reached; routes turn it into "try again". */
export class DatabaseUnavailableError extends Error {}

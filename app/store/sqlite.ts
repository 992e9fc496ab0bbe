import path from 'node:path'
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import type { Db, Queryable, RunResult, SqlValue } from './db'

/** `$1` → `?1`: SQLite numbers parameters the same way, only with a different sigil. */
function toSqlite(sql: string): string {
  return sql.replace(/\$(\d+)/g, '?$1')
}

/** Distinct SQL texts kept prepared; the portal's are constants, far fewer than this. */
const MAX_STATEMENTS = 500

class SqliteQueries implements Queryable {
  /**
   * Prepared statements by SQL text. Preparing (parsing and planning) cost more than running
   * the primary-key reads and writes every page makes — the session's read and renewal.
   * SQLite re-prepares a kept statement by itself if a migration changes the schema.
   */
  private readonly prepared = new Map<string, StatementSync>()

  constructor(private readonly db: DatabaseSync) {}

  /** Drops every kept statement (before the connection closes). */
  forget(): void {
    this.prepared.clear()
  }

  private statement(sql: string): StatementSync {
    let statement = this.prepared.get(sql)
    if (!statement) {
      if (this.prepared.size >= MAX_STATEMENTS) this.prepared.clear()
      statement = this.db.prepare(toSqlite(sql))
      this.prepared.set(sql, statement)
    }
    return statement
  }

  async all<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.statement(sql).all(...(params as SQLInputValue[])) as T[]
  }

  async get<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.statement(sql).get(...(params as SQLInputValue[])) as T | undefined
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    const result = this.statement(sql).run(...(params as SQLInputValue[]))
    return { changes: Number(result.changes) }
  }
}

/**
 * The embedded default: one file in DATA_DIR through Node's built-in `node:sqlite`
 * (no native addon to compile). WAL mode lets readers run while a write commits.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const
  private readonly raw: DatabaseSync
  private readonly queries: SqliteQueries
  /** Tail of the queue that keeps transactions whole; see Db.transaction. */
  private lock: Promise<unknown> = Promise.resolve()

  constructor(file: string) {
    // The busy timeout comes first: switching to WAL takes a lock, and several instances
    // opening one fresh file at once would otherwise fail at once with "database is locked".
    this.raw = new DatabaseSync(file, { timeout: 5000 })
    this.raw.exec(
      'PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;',
    )
    this.queries = new SqliteQueries(this.raw)
  }

  static inDataDir(dataDir: string): SqliteDb {
    return new SqliteDb(path.join(dataDir, 'portal.sqlite'))
  }

  /** Work queued or running: a transaction, or a statement waiting behind one. */
  private pending = 0

  private async queued<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.lock
    let release!: () => void
    this.lock = new Promise<void>((resolve) => (release = resolve))
    this.pending++
    try {
      await previous
      return await fn()
    } finally {
      this.pending--
      release()
    }
  }

  /**
   * One statement. With nothing queued it runs at once: node:sqlite is synchronous, so no
   * transaction can be open and nothing can slip in before it — the queue would only add
   * promise hops, and every page's session read comes through here (issue 21).
   */
  private statement<T>(fn: () => Promise<T>): Promise<T> {
    return this.pending === 0 ? fn() : this.queued(fn)
  }

  all<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.statement(() => this.queries.all<T>(sql, params))
  }

  get<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.statement(() => this.queries.get<T>(sql, params))
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.statement(() => this.queries.run(sql, params))
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.queued(async () => {
      this.raw.exec('BEGIN IMMEDIATE')
      try {
        const result = await fn(this.queries)
        this.raw.exec('COMMIT')
        return result
      } catch (error) {
        this.raw.exec('ROLLBACK')
        throw error
      }
    })
  }

  async ping(): Promise<void> {
    await this.get('SELECT 1 AS ok')
  }

  async close(): Promise<void> {
    await this.queued(async () => {
      this.queries.forget()
      this.raw.close()
    })
  }
}

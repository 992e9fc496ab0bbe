import pg from 'pg'
import { DatabaseUnavailableError, type Db, type Queryable, type RunResult, type SqlValue } from './db'

/**
 * Rows must read the same as from SQLite, which returns integers as numbers. PostgreSQL
 * sends BIGINT (and COUNT(*)) as text because it may exceed 2^53; the portal's counters
 * and epoch-millisecond expiries never do, so they are parsed as numbers. NUMERIC likewise.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
}

/** SQLSTATE classes and socket errors that mean "the server is not there", not "your SQL is wrong". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'])
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])

function isUnavailable(error: unknown): boolean {
  // Duck-typed, not `instanceof Error`: socket errors may come from another realm (jest's sandbox).
  if (typeof error !== 'object' || error === null) return false
  const { code, message } = error as { code?: unknown; message?: unknown }
  if (typeof code === 'string') {
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true
  }
  // pg reports pool and socket failures without a code, only with these messages.
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error|Cannot use a pool after calling end|Query read timeout|canceling statement due to statement timeout/i.test(
    String(message),
  )
}

/** Re-throws connection failures as the port's DatabaseUnavailableError so routes can say "try again". */
function translate(error: unknown): never {
  if (isUnavailable(error)) {
    throw new DatabaseUnavailableError('The database is unavailable', { cause: error })
  }
  throw error
}

class PgQueries implements Queryable {
  constructor(private readonly target: pg.Pool | pg.PoolClient) {}

  private async query<T extends object>(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult<T>> {
    try {
      return await this.target.query<T>(sql, params as SqlValue[])
    } catch (error) {
      return translate(error)
    }
  }

  async all<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query<T>(sql, params)).rows
  }

  async get<T extends object>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.query<T>(sql, params)).rows[0]
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 }
  }
}

export interface PostgresOptions {
  /** Pool size per instance; several instances share the server's max_connections. */
  max?: number
  /** How long a request waits for a connection (checkout, connect and sign-in) before it is told to try again. */
  connectionTimeoutMillis?: number
  /** A statement running longer than this is cancelled by the server. */
  statementTimeoutMillis?: number
  /**
   * How long the client waits for any reply, whatever the server does: a server (or the
   * network) gone silent cannot cancel anything itself, so this is what bounds a hang.
   */
  queryTimeoutMillis?: number
  /** A session left idle inside a transaction longer than this is ended by the server, freeing its locks. */
  idleInTransactionTimeoutMillis?: number
}

/**
 * Outage bounds: a citizen waiting on a dead or silent database sees "try again later"
 * within 5 seconds — at most 2 s to get a connection, or 4 s for a reply to a query
 * already sent (the server itself gives up on a statement after 3 s).
 */
export const POSTGRES_TIMEOUTS = {
  connectionTimeoutMillis: 2000,
  statementTimeoutMillis: 3000,
  queryTimeoutMillis: 4000,
  idleInTransactionTimeoutMillis: 10_000,
} as const

/**
 * PostgreSQL behind the same `Db` port as SQLite, for several instances on a managed
 * database. `$1` placeholders are native. Time-outs are short on purpose: a citizen waiting
 * on a dead database should see "try again" in seconds, not a spinning tab.
 */
export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const
  private readonly pool: pg.Pool
  private readonly queries: PgQueries

  constructor(connectionString: string, options: PostgresOptions = {}) {
    this.pool = new pg.Pool({
      connectionString,
      types,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? POSTGRES_TIMEOUTS.connectionTimeoutMillis,
      idleTimeoutMillis: 30_000,
      statement_timeout: options.statementTimeoutMillis ?? POSTGRES_TIMEOUTS.statementTimeoutMillis,
      query_timeout: options.queryTimeoutMillis ?? POSTGRES_TIMEOUTS.queryTimeoutMillis,
      // A client left inside a transaction by a crashed request must not hold locks for ever.
      idle_in_transaction_session_timeout:
        options.idleInTransactionTimeoutMillis ?? POSTGRES_TIMEOUTS.idleInTransactionTimeoutMillis,
      keepAlive: true,
      application_name: 'citizen-portal',
    })
    // An idle pooled connection that dies (server restart) emits here; without a listener
    // Node would treat it as an uncaught error and stop the process.
    this.pool.on('error', () => undefined)
    this.queries = new PgQueries(this.pool)
  }

  all<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.queries.all<T>(sql, params)
  }

  get<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.queries.get<T>(sql, params)
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.queries.run(sql, params)
  }

  /** One dedicated pooled client from BEGIN to COMMIT, so every statement joins the same transaction. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient
    try {
      client = await this.pool.connect()
    } catch (error) {
      return translate(error)
    }
    let broken: Error | undefined
    // A checked-out client whose connection dies emits 'error'; the pool only listens on
    // idle ones, so without this a database restart mid-transaction would stop the process.
    const onError = (error: Error) => (broken = error)
    client.on('error', onError)
    try {
      await client.query('BEGIN')
      const result = await fn(new PgQueries(client))
      await client.query('COMMIT')
      return result
    } catch (error) {
      try {
        await client.query('ROLLBACK')
      } catch (rollbackError) {
        // The connection is gone: the server rolls back on its own; drop the client from the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError))
      }
      return translate(error)
    } finally {
      client.off('error', onError)
      client.release(broken)
    }
  }

  async ping(): Promise<void> {
    await this.get('SELECT 1 AS ok')
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}

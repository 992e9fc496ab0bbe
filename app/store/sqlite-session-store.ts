import session from 'express-session'
import type { Clock } from '../clock'
import type { Db } from './db'
import type { SessionRow, SessionRowCache } from './session-row-cache'

type Callback<T = void> = (err?: unknown, value?: T) => void

/**
 * express-session store over the portal's database (SQLite by default). Sessions are
 * durable: a restart of the server keeps every citizen's answers. Expired rows are
 * ignored on read and purged by `purgeExpired`, run on a timer by the server.
 *
 * Expiry is on the app's clock, so a test that moves the clock on sees sessions end.
 * express-session stamps `cookie.expires` from the wall clock, so the time a session has
 * left is read off that same clock, then counted from the app's "now".
 *
 * With a `cache` (SQLite only: one process owns the file), rows are read from memory after
 * the first time and every write keeps the copy in step (session-row-cache.ts).
 */
export class DbSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly defaultTtlMs: number,
    private readonly clock: Clock,
    private readonly cache?: SessionRowCache,
  ) {
    super()
  }

  private expiry(sess: session.SessionData): number {
    const expires = sess.cookie?.expires
    // eslint-disable-next-line no-restricted-syntax -- express-session's own clock, see the class comment
    const left = expires ? new Date(expires).getTime() - Date.now() : this.defaultTtlMs
    return this.clock().getTime() + left
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    const cached = this.cache?.get(sid)
    if (cached) {
      this.answer(cached, callback)
      return
    }
    const mark = this.cache?.readStarted()
    this.db
      .get<{ data: string; expires_at: number }>('SELECT data, expires_at FROM sessions WHERE sid = $1', [sid])
      .then((found) => {
        const row = found && { data: found.data, expiresAt: Number(found.expires_at) }
        if (row && mark !== undefined) this.cache?.kept(sid, row, mark)
        this.answer(row, callback)
      }, callback)
  }

  /** A row that has expired reads as no session, from memory or from the database alike. */
  private answer(row: SessionRow | undefined, callback: Callback<session.SessionData | null>): void {
    if (!row || row.expiresAt <= this.clock().getTime()) return callback(undefined, null)
    callback(undefined, JSON.parse(row.data) as session.SessionData)
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    const row = { data: JSON.stringify(sess), expiresAt: this.expiry(sess) }
    const mark = this.cache?.writing(sid)
    this.db
      .run(
        `INSERT INTO sessions (sid, data, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
        [sid, row.data, row.expiresAt],
      )
      .then(() => {
        if (mark !== undefined) this.cache?.written(sid, row, mark)
        callback?.()
      }, callback)
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    const expiresAt = this.expiry(sess)
    const before = this.cache?.get(sid)
    const mark = this.cache?.writing(sid)
    this.db.run('UPDATE sessions SET expires_at = $1 WHERE sid = $2', [expiresAt, sid]).then(({ changes }) => {
      // The stored text is unchanged by a touch; a row that was not there stays not there.
      if (before && changes > 0 && mark !== undefined) this.cache?.written(sid, { data: before.data, expiresAt }, mark)
      callback?.()
    }, callback)
  }

  override destroy(sid: string, callback?: Callback): void {
    this.cache?.writing(sid)
    this.db.run('DELETE FROM sessions WHERE sid = $1', [sid]).then(() => callback?.(), callback)
  }

  async purgeExpired(): Promise<number> {
    const now = this.clock().getTime()
    this.cache?.dropExpired(now)
    const { changes } = await this.db.run('DELETE FROM sessions WHERE expires_at <= $1', [now])
    return changes
  }
}

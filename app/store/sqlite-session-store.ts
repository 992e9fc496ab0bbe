import session from 'express-session'
import type { Clock } from '../clock'
import type { Db } from './db'

type Callback<T = void> = (err?: unknown, value?: T) => void

/**
 * express-session store over the portal's database (SQLite by default). Sessions are
 * durable: a restart of the server keeps every citizen's answers. Expired rows are
 * ignored on read and purged by `purgeExpired`, run on a timer by the server.
 *
 * Expiry is on the app's clock, so a test that moves the clock on sees sessions end.
 * express-session stamps `cookie.expires` from the wall clock, so the time a session has
 * left is read off that same clock, then counted from the app's "now".
 */
export class DbSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly defaultTtlMs: number,
    private readonly clock: Clock,
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
    this.db
      .get<{ data: string; expires_at: number }>('SELECT data, expires_at FROM sessions WHERE sid = $1', [sid])
      .then((row) => {
        if (!row || Number(row.expires_at) <= this.clock().getTime()) return callback(undefined, null)
        callback(undefined, JSON.parse(row.data) as session.SessionData)
      }, callback)
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    this.db
      .run(
        `INSERT INTO sessions (sid, data, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
        [sid, JSON.stringify(sess), this.expiry(sess)],
      )
      .then(() => callback?.(), callback)
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    this.db
      .run('UPDATE sessions SET expires_at = $1 WHERE sid = $2', [this.expiry(sess), sid])
      .then(() => callback?.(), callback)
  }

  override destroy(sid: string, callback?: Callback): void {
    this.db.run('DELETE FROM sessions WHERE sid = $1', [sid]).then(() => callback?.(), callback)
  }

  async purgeExpired(): Promise<number> {
    const { changes } = await this.db.run('DELETE FROM sessions WHERE expires_at <= $1', [this.clock().getTime()])
    return changes
  }
}

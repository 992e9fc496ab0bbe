import session from 'express-session'
import type { Clock } from '../clock'
import { RENEWAL_BOUND_MS } from '../timeout/last-activity'

type Callback = (err?: unknown) => void

declare module 'express-session' {
  interface SessionData {
    /**
     * When the store last wrote this session (the app's clock, ms). Bookkeeping, not the
     * citizen's work (app/timeout/session-state.ts): it decides whether a page view that
     * changed nothing has to renew the stored expiry.
     */
    renewedAt?: number
  }
}

/**
 * The session store behind express-session, with renewal bounded: `rolling` asks the store
 * to renew the expiry (a database or Redis write) after every request, which made every
 * page view a write. Here a request that changed nothing writes only when the last write is
 * `boundMs` or more old; the session cookie is still renewed on every response, so the
 * browser's copy still ends exactly the idle limit after the last page.
 *
 * So that skipping a renewal can never end a session early, every write stores the expiry
 * `boundMs` later than the cookie's (the latest last page view a stored `renewedAt` allows
 * is `boundMs` after it). The exact idle limit for a live session is enforced from the last
 * activity the browser's signed marker proves (app/middleware/session-timeout.ts); a request
 * without a marker counts from the last write, so it can only end sooner, never later.
 */
export class BoundedRenewalStore extends session.Store {
  constructor(
    private readonly inner: session.Store,
    private readonly clock: Clock,
    private readonly boundMs: number = RENEWAL_BOUND_MS,
  ) {
    super()
    // express-session pauses while its store says it is disconnected.
    inner.on('connect', () => this.emit('connect'))
    inner.on('disconnect', () => this.emit('disconnect'))
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.inner.get(sid, callback)
  }

  /** A change (or a first save): always written, stamped with when. */
  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    this.inner.set(sid, this.stamped(sess), callback)
  }

  /** Nothing changed: renew only when due, and then as a whole write so `renewedAt` moves too. */
  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    const renewedAt = sess.renewedAt
    if (typeof renewedAt === 'number' && this.clock().getTime() - renewedAt < this.boundMs) {
      callback?.()
      return
    }
    this.set(sid, sess, callback)
  }

  override destroy(sid: string, callback?: Callback): void {
    this.inner.destroy(sid, callback)
  }

  /**
   * A copy for the store (the live session object is left alone, so express-session's own
   * "was it changed?" hash is unaffected): `renewedAt` now, and the cookie's expiry pushed
   * `boundMs` on. Both stores take their expiry (SQL row, Redis TTL) from `cookie.expires`;
   * the browser's cookie was already sent with the unpushed one.
   */
  private stamped(sess: session.SessionData): session.SessionData {
    const cookie = sess.cookie
    const expires = cookie?.expires ? new Date(new Date(cookie.expires).getTime() + this.boundMs) : cookie?.expires
    // express-session's Cookie keeps its expiry as `_expires`; its toJSON gives the plain fields.
    const data = (cookie as unknown as { toJSON?: () => object } | undefined)?.toJSON?.() ?? cookie
    return {
      ...sess,
      cookie: { ...data, expires } as session.Cookie,
      renewedAt: this.clock().getTime(),
    }
  }
}

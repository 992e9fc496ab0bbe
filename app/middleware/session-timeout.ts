import type { CookieOptions, NextFunction, Request, RequestHandler, Response } from 'express'
import type { Clock } from '../clock'
import type { Config } from '../config'
import { idleMinutesFor } from '../timeout/idle-limit'
import { lastActivity } from '../timeout/last-activity'
import { decodeMarker, encodeMarker, cookieValue, markerCookieName, type SessionMarker } from '../timeout/marker'
import { sessionHasDraft, sessionHoldsWork } from '../timeout/session-state'

/** Paths where an ended session needs no explanation: the timeout pages themselves and reading pages. */
const QUIET_PATHS = /^\/(session\/|cookies$|privacy$|contact$|accessibility|staff(\/|$))/

export interface SessionTimeoutLocals {
  /** The session holds something to lose, so the page carries the timeout warning. */
  active: boolean
  idleMinutes: number
  idleSeconds: number
  warningSeconds: number
}

export function markerCookieOptions(config: Config): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.env === 'production',
    path: '/',
    // Long enough to explain an expiry the next day; it holds nothing personal.
    maxAge: 7 * 24 * 60 * 60 * 1000,
  }
}

export function clearMarker(res: Response, config: Config): void {
  const { maxAge: _maxAge, ...options } = markerCookieOptions(config)
  res.clearCookie(markerCookieName(config.env === 'production'), options)
}

/** Where a page's timeout locals find their request: a symbol, so neither templates nor the render cache's key see it. */
const REQUEST = Symbol('request')
type TimeoutLocals = SessionTimeoutLocals & { readonly [REQUEST]: Request }

/**
 * Makes each request's `sessionTimeout` locals: getters over the request, one set of getter
 * functions for the app. An object literal with getters of its own (new functions on every
 * request) gets a hidden class of its own from V8, allocated in the old generation, which
 * only a full collection frees and which points back at the request's objects; objects given
 * the same accessors share one hidden class. Measured on the question page: 12.3 KB a request
 * promoted out of the young generation before, 11.4 after (README, issue 21's fifth pass).
 */
function timeoutLocalsFor(config: Config): (req: Request) => SessionTimeoutLocals {
  const minutes = (req: Request) => idleMinutesFor(config, req.session)
  const getter = (read: (req: Request) => number | boolean): PropertyDescriptor => ({
    enumerable: true,
    get(this: TimeoutLocals) {
      return read(this[REQUEST])
    },
  })
  const properties: Record<keyof SessionTimeoutLocals, PropertyDescriptor> = {
    active: getter((req) => sessionHoldsWork(req.session)),
    idleMinutes: getter(minutes),
    idleSeconds: getter((req) => minutes(req) * 60),
    warningSeconds: getter((req) => Math.min(config.sessionWarningSeconds, minutes(req) * 60 - 1)),
  }
  return (req) => Object.defineProperties({ [REQUEST]: req }, properties) as TimeoutLocals
}

/**
 * WCAG 2.2.1 Timing adjustable, without JavaScript: runs after the session is loaded and
 * before the CSRF check. When a request arrives without a live session but with the marker
 * of one that went idle past the limit, the citizen is sent to a page that says their
 * answers were deleted (or their draft saved) instead of a silent fresh start — and a form
 * posted after expiry lands there too, rather than on "we could not save that". Drafts are
 * in the database, untouched by the session ending.
 */
export function sessionTimeout(config: Config, clock: Clock): RequestHandler {
  const now = () => clock().getTime()
  const production = config.env === 'production'
  const name = markerCookieName(production)
  // Staff sessions have a shorter limit; a marker does not say whose it was, so the shorter
  // one decides. A citizen's session is still alive (and holds work) before its own limit.
  const idleMs = Math.min(config.sessionIdleMinutes, config.staffIdleMinutes) * 60 * 1000
  const timeoutLocals = timeoutLocalsFor(config)
  return (req, res, next) => {
    const marker = decodeMarker(cookieValue(req.headers.cookie, name), config.sessionSecret)
    // The store keeps a session up to a minute past its idle limit, because a page view that
    // changes nothing does not renew it (session-renewal.ts). The limit itself holds here, to
    // the millisecond: a session idle past it ends now, as if the store had let it expire.
    const since = sessionHoldsWork(req.session) ? lastActivity(req.session.renewedAt, marker) : undefined
    if (since !== undefined && since + idleMinutesFor(config, req.session) * 60 * 1000 <= now()) {
      req.session.regenerate((error: unknown) => (error ? next(error) : afterSession(req, res, next, marker)))
      return
    }
    afterSession(req, res, next, marker)
  }

  function afterSession(req: Request, res: Response, next: NextFunction, marker: SessionMarker | undefined): void {
    const holdsWork = sessionHoldsWork(req.session)
    if (!holdsWork && marker) {
      clearMarker(res, config)
      // A marker younger than the limit means the session was ended on purpose (deleted,
      // or "Finish and clear" on a shared computer): nothing to explain.
      if (marker.lastSeen + idleMs <= now() && !QUIET_PATHS.test(req.path)) {
        // A form sent after the limit is not applied, even to a saved draft: with the session
        // gone nothing ties this browser to the draft (the marker holds no draft id, on
        // purpose), and letting a long-lived cookie write into a draft would undo the idle
        // limit on a shared computer. So the draft stays exactly as last saved, and the page
        // says the answers just sent were not saved and must be entered again.
        const unsent = req.method !== 'GET' && req.method !== 'HEAD' && marker.keptDraft
        const query = new URLSearchParams({
          lang: marker.lang,
          ...(marker.keptDraft ? { kept: 'application' } : {}),
          ...(unsent ? { unsent: 'page' } : {}),
        })
        res.redirect(303, `/session/timed-out?${query.toString()}`)
        return
      }
    }
    // Decided when the response starts, not now: the page being rendered may be what starts
    // the session (a form's CSRF token), and a route may end it (delete my answers).
    const writeHead = res.writeHead
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
      if (sessionHoldsWork(req.session)) {
        const value = encodeMarker(
          { lastSeen: now(), lang: req.session.lang ?? 'en', keptDraft: sessionHasDraft(req.session) },
          config.sessionSecret,
        )
        res.cookie(name, value, markerCookieOptions(config))
      }
      return writeHead.apply(this, args)
    } as typeof res.writeHead
    // Getters, read when the layout renders, for the same reason.
    res.locals.sessionTimeout = timeoutLocals(req)
    // Where "Stay signed in" returns to without JavaScript.
    res.locals.currentPath = req.method === 'GET' ? req.originalUrl : '/'
    next()
  }
}

import type { CookieOptions, RequestHandler, Response } from 'express'
import type { Config } from '../config'
import { decodeMarker, encodeMarker, cookieValue, markerCookieName } from './marker'
import { sessionHasDraft, sessionHoldsWork } from './session-state'

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

/**
 * WCAG 2.2.1 Timing adjustable, without JavaScript: runs after the session is loaded and
 * before the CSRF check. When a request arrives without a live session but with the marker
 * of one that went idle past the limit, the citizen is sent to a page that says their
 * answers were deleted (or their draft saved) instead of a silent fresh start — and a form
 * posted after expiry lands there too, rather than on "we could not save that". Drafts are
 * in the database, untouched by the session ending.
 */
export function sessionTimeout(config: Config, now: () => number = Date.now): RequestHandler {
  const production = config.env === 'production'
  const name = markerCookieName(production)
  const idleMs = config.sessionIdleMinutes * 60 * 1000
  return (req, res, next) => {
    const holdsWork = sessionHoldsWork(req.session)
    const marker = decodeMarker(cookieValue(req.headers.cookie, name), config.sessionSecret)
    if (!holdsWork && marker) {
      clearMarker(res, config)
      // A marker younger than the limit means the session was ended on purpose (deleted,
      // or "Finish and clear" on a shared computer): nothing to explain.
      if (marker.lastSeen + idleMs <= now() && !QUIET_PATHS.test(req.path)) {
        const query = new URLSearchParams({ lang: marker.lang, ...(marker.keptDraft ? { kept: 'application' } : {}) })
        res.redirect(303, `/session/timed-out?${query.toString()}`)
        return
      }
    }
    if (holdsWork) {
      const value = encodeMarker(
        { lastSeen: now(), lang: req.session.lang ?? 'en', keptDraft: sessionHasDraft(req.session) },
        config.sessionSecret,
      )
      res.cookie(name, value, markerCookieOptions(config))
    }
    const locals: SessionTimeoutLocals = {
      active: holdsWork,
      idleMinutes: config.sessionIdleMinutes,
      idleSeconds: config.sessionIdleMinutes * 60,
      warningSeconds: config.sessionWarningSeconds,
    }
    res.locals.sessionTimeout = locals
    // Where "Stay signed in" returns to without JavaScript.
    res.locals.currentPath = req.method === 'GET' ? req.originalUrl : '/'
    next()
  }
}

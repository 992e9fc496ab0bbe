import type { RequestHandler } from 'express'
import { csrfSync } from 'csrf-sync'
import { z } from 'zod'
import { readInput } from '../request-input'
import { HttpError } from './http-error'
import type { SecurityEvents } from '../security/events'
import { pathShape, securityContext } from '../security/http-context'
import { sessionHoldsWork } from '../timeout/session-state'

/** Every form carries its token as `_csrf`. */
const tokenForm = z.object({ _csrf: z.string().optional().catch(undefined) })

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  size: 32,
  getTokenFromRequest: (req) => readInput(tokenForm, req.body)._csrf,
})

/**
 * Synchroniser tokens on every POST, for every path, known or not: the check runs before
 * routing, so an unknown POST without a token is refused with 403 before anything else.
 * Each refusal is a `csrf-failure` security event (method and path shape only).
 */
export function csrfProtection(events: SecurityEvents): RequestHandler {
  return (req, res, next) => {
    csrfSynchronisedProtection(req, res, (error?: unknown) => {
      if (!error) return next()
      events.record({ type: 'csrf-failure', method: req.method, route: pathShape(req.path) }, securityContext(req, res))
      // A form sent after its session had gone (answers deleted in another tab, or idle past
      // the limit with no marker left to say so) must not be told "Nothing was changed": what
      // changed is that the answers are gone. Say that instead.
      next(new HttpError(403, sessionHoldsWork(req.session) ? 'csrf' : 'csrf-session-gone'))
    })
  }
}

/**
 * Templates call `csrfToken()` inside each form. It is a function so that the token is only
 * created (and the session only saved) when a page actually renders a form.
 */
export const csrfTokenLocal: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = () => generateToken(req)
  next()
}

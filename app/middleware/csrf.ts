import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import { csrfSync } from 'csrf-sync'
import { z } from 'zod'
import { readInput } from '../request-input'
import { HttpError } from './http-error'
import type { SecurityEvents } from '../security/events'
import { pathShape, securityContext } from '../security/http-context'
import { cookieValue } from '../timeout/marker'
import { sessionHoldsWork, sessionStored } from '../timeout/session-state'

/** Every form carries its token as `_csrf`. */
const tokenForm = z.object({ _csrf: z.string().optional().catch(undefined) })
const tokenIn = (req: Request) => readInput(tokenForm, req.body)._csrf

const { generateToken, isRequestValid } = csrfSync({ size: 32, getTokenFromRequest: tokenIn })

/**
 * A visitor's first form must not cost a session row: a crawler or a script that only reads
 * pages would otherwise fill the database (issue 20). So until the session holds something,
 * a form's token is a signed double-submit token (OWASP's "signed double-submit cookie"):
 * an HMAC, under the session secret, of a random seed kept in an HttpOnly cookie of this
 * browser. Another site can neither read the cookie nor compute the HMAC, so it cannot
 * forge the form; and nothing is stored on the server. Once the session holds anything
 * (from the first answer), its forms carry an ordinary synchroniser token kept in it.
 */
const SEED_PURPOSE = 'csrf-first-form:'

export function csrfSeedCookieName(production: boolean): string {
  return production ? '__Host-portal-form' : 'portal-form'
}

function seedToken(seed: string, secret: string): string {
  return createHmac('sha256', secret).update(`${SEED_PURPOSE}${seed}`).digest('base64url')
}

const SEED_SHAPE = /^[A-Za-z0-9_-]{22}$/

function seedOf(req: Request, production: boolean): string | undefined {
  const seed = cookieValue(req.headers.cookie, csrfSeedCookieName(production))
  return seed && SEED_SHAPE.test(seed) ? seed : undefined
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

const sessionInUse = (req: Request) => sessionStored(req.session)
const hasSessionToken = (req: Request) => typeof req.session.csrfToken === 'string'

/** Seeds given out in this response, so a page rendered twice (the 403 page after a check) sets one cookie. */
const issued = new WeakMap<Request, string>()

interface CsrfOptions {
  secret: string
  production: boolean
}

/**
 * Templates call `csrfToken()` inside each form. It is a function so that a token is only
 * made when a page actually renders a form.
 */
export function csrfTokenLocal({ secret, production }: CsrfOptions): RequestHandler {
  return (req, res, next) => {
    res.locals.csrfToken = () => (sessionInUse(req) ? generateToken(req) : firstFormToken(req, res))
    next()
  }

  function firstFormToken(req: Request, res: Response): string {
    let seed = seedOf(req, production) ?? issued.get(req)
    if (!seed) {
      // 16 random bytes; lives as long as the browser session, like the session cookie.
      seed = randomBytes(16).toString('base64url')
      res.cookie(csrfSeedCookieName(production), seed, {
        httpOnly: true,
        sameSite: 'lax',
        secure: production,
        path: '/',
      })
      issued.set(req, seed)
    }
    return seedToken(seed, secret)
  }
}

/**
 * Every POST, for every path, known or not, is checked before routing: an unknown POST
 * without a token is refused with 403 before anything else. Either token this browser was
 * given passes — the session's synchroniser token, or the signed token of its seed cookie —
 * so a form opened in another tab before the first answer still sends. Each refusal is a
 * `csrf-failure` security event (method and path shape only).
 */
export function csrfProtection(events: SecurityEvents, { secret, production }: CsrfOptions): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next()
    if (hasSessionToken(req) && isRequestValid(req)) return next()
    const seed = seedOf(req, production)
    if (seed && sameToken(tokenIn(req), seedToken(seed, secret))) {
      // The first answer makes the session: give it its synchroniser token in the same write,
      // so the next page's form costs no second write.
      if (!hasSessionToken(req)) generateToken(req)
      return next()
    }
    events.record({ type: 'csrf-failure', method: req.method, route: pathShape(req.path) }, securityContext(req, res))
    // A form sent after its session had gone (answers deleted in another tab, or idle past
    // the limit with no marker left to say so) must not be told "Nothing was changed": what
    // changed is that the answers are gone. Say that instead.
    next(new HttpError(403, sessionHoldsWork(req.session) ? 'csrf' : 'csrf-session-gone'))
  }
}

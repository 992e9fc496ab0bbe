import type { RequestHandler, Response } from 'express'
import type { AppDeps } from '../../deps'
import { securityContext } from '../../security/http-context'
import { currentAccount } from '../service/identity'
import { staffSessionEnd } from '../session-rules'
import { SIGN_IN_PATH } from '../route-table'
import { destroySession } from './session-reset'

/** The session cookie's name, as app/middleware/session.ts sets it. */
export function clearSessionCookie(deps: AppDeps, res: Response): void {
  res.clearCookie(deps.config.env === 'production' ? '__Host-portal-session' : 'portal-session', { path: '/' })
}

/**
 * Identity and role come from the store on every request (through a cache of a few
 * seconds), never from what the session copied at sign-in: a demoted admin is refused on
 * the next request, and a disabled account, a "sign out everywhere" or a session past its
 * absolute lifetime ends the session there and then — with any citizen's work in it, as a
 * shared computer needs. Runs before CSRF and every route, on every path.
 */
export function currentStaff(deps: AppDeps): RequestHandler {
  return async (req, res, next) => {
    const held = req.session.staff
    if (!held) return next()
    const now = deps.clock()
    const account = await currentAccount(deps.db, held.id, now)
    const end = staffSessionEnd(held, account, now, deps.config.staffMaxHours)
    if (end) {
      deps.securityEvents.record(
        { type: 'staff-session-ended', staffId: held.id, reason: end },
        securityContext(req, res),
      )
      await destroySession(req)
      clearSessionCookie(deps, res)
      return res.redirect(303, `${SIGN_IN_PATH}?ended=${end === 'expired' ? 'expired' : 'ended'}`)
    }
    if (account && (account.role !== held.role || account.email !== held.email)) {
      req.session.staff = { ...held, role: account.role, email: account.email }
    }
    next()
  }
}

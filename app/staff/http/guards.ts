import type { RequestHandler } from 'express'
import type { Role } from '../roles'
import { SIGN_IN_PATH } from '../route-table'

/**
 * Signed out → the sign-in page (303, so a POST is not replayed). Signed in with a role not
 * on the list → 403 with a page saying so. Either way the handler never runs.
 */
export function requireStaff(roles: readonly Role[]): RequestHandler {
  return (req, res, next) => {
    const staff = req.session.staff
    if (!staff) return res.redirect(303, SIGN_IN_PATH)
    if (!roles.includes(staff.role)) {
      return res.status(403).render('staff/forbidden.njk', { pageTitle: res.locals.t('staff.forbidden.title') })
    }
    next()
  }
}

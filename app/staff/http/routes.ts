import { Router, type NextFunction, type Request, type Response } from 'express'
import type { AppDeps } from '../../deps'
import { requireStaff } from './guards'
import { auditHandlers } from './routes-audit'
import { helpHandlers } from './routes-help'
import { resumeHandlers } from './routes-resume'
import { signInRoutes, signOut, signOutEverywhere } from './routes-sign-in'
import { accountHandlers } from './routes-accounts'
import { passwordRoutes } from './routes-password'
import { caseHandlers } from './routes-cases'
import { handoverHandlers } from './routes-handover'
import { recoveryCodeHandlers } from './routes-recovery-codes'
import { SIGN_IN_PATH, STAFF_ROUTES, type StaffRouteKey } from '../route-table'

type Handler = (req: Request, res: Response, next: NextFunction) => unknown

/**
 * Assisted digital. The sign-in page is open; every other route comes from STAFF_ROUTES
 * and is registered behind its role guard, so no route can exist without one.
 */
export function staffRoutes(deps: AppDeps): Router {
  const router = Router()
  router.use(signInRoutes(deps))
  const password = passwordRoutes(deps)
  router.use(password.router)
  const help = helpHandlers(deps)
  const resume = resumeHandlers(deps)
  const audit = auditHandlers(deps)
  const accounts = accountHandlers(deps)
  const cases = caseHandlers(deps)
  const handover = handoverHandlers(deps)
  const recoveryCodes = recoveryCodeHandlers(deps)
  const handlers: Record<StaffRouteKey, Handler> = {
    'get /staff': help.home,
    'post /staff/sign-out': (req, res) => signOut(deps, req, res),
    'post /staff/sign-out-everywhere': (req, res) => signOutEverywhere(deps, req, res),
    'get /staff/start': help.startForm,
    'post /staff/start': help.start,
    'get /staff/resume': resume.form,
    'post /staff/resume': resume.submit,
    'get /staff/finish': help.confirmFinish,
    'post /staff/finish': help.finish,
    'get /staff/cases': cases.list,
    'post /staff/cases/:id/continue': cases.continueCase,
    'get /staff/case': cases.current,
    'get /staff/case/label': cases.labelForm,
    'post /staff/case/label': cases.relabel,
    'get /staff/case/send': handover.form,
    'post /staff/case/send': handover.send,
    'get /staff/case/sent': handover.sent,
    'get /staff/audit': audit.list,
    'get /staff/audit.csv': audit.exportCsv,
    'get /staff/accounts': accounts.list,
    'get /staff/accounts/new': accounts.newForm,
    'post /staff/accounts/new': accounts.create,
    'get /staff/accounts/:id': accounts.show,
    'post /staff/accounts/:id/role': accounts.role,
    'post /staff/accounts/:id/status': accounts.status,
    'post /staff/accounts/:id/sign-out-everywhere': accounts.signOutEverywhere,
    'post /staff/accounts/:id/reset-two-factor': accounts.resetTwoFactor,
    'post /staff/accounts/:id/reset-password': accounts.resetPassword,
    'get /staff/password': password.form,
    'post /staff/password': password.change,
    'get /staff/recovery-codes': recoveryCodes.page,
    'post /staff/recovery-codes': recoveryCodes.renew,
  }
  for (const route of STAFF_ROUTES) {
    router[route.method](
      route.path,
      requireStaff(route.roles),
      handlers[`${route.method} ${route.path}` as StaffRouteKey],
    )
  }
  // Any other /staff address: signed out → sign-in, like every staff page; signed in → 404.
  router.use('/staff', (req, res, next) => (req.session.staff ? next() : res.redirect(303, SIGN_IN_PATH)))
  return router
}

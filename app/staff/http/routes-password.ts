import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { readInput } from '../../request-input'
import { securityContext } from '../../security/http-context'
import { findAccountById, type StaffAccount } from '../service/accounts'
import { staffAudit } from '../service/audit-log'
import { setOwnPassword } from '../service/passwords'
import { hashPassword, passwordProblem, verifyPassword } from '../password'
import { PASSWORD_CHANGE_LIMIT, passwordChangeWindow } from '../password-change-throttle'
import { NEW_PASSWORD_PATH, SIGN_IN_PATH } from '../route-table'
import type { ErrorItem } from './form'
import { saveSession } from './session-reset'
import { completeSignIn, pendingSignIn } from './routes-two-factor'

// Exactly as typed (no trimming), as at sign-in; one character over the limit is kept so it reads as too long.
const secret = z.string().max(257).optional().catch(undefined)
const passwordInput = z.object({ current: secret, password: secret, confirm: secret })
const doneInput = z.object({ done: z.literal('1').optional().catch(undefined) })

/**
 * Choosing a password: at the end of a sign-in after an administrator's reset (the pending
 * state, no staff page yet), or on the member's own page (current password first). Either
 * way the zxcvbn check applies and every other session of the account ends.
 */
export function passwordRoutes(deps: AppDeps) {
  const render = (res: Response, forced: boolean, errorList: ErrorItem[], done = false, status?: number) =>
    res.status(status ?? (errorList.length ? 400 : 200)).render('staff/password.njk', {
      pageTitle: res.locals.t(forced ? 'staff.password.newTitle' : 'staff.password.title'),
      forced,
      done,
      action: forced ? NEW_PASSWORD_PATH : '/staff/password',
      errorList,
      currentError: errorList.find((e) => e.href === '#current'),
      passwordError: errorList.find((e) => e.href === '#password'),
      confirmError: errorList.find((e) => e.href === '#confirm'),
    })

  /**
   * The current password, on the member's own page: right, wrong (counted), or not checked
   * at all because this account has had too many wrong tries lately (password-change-throttle.ts).
   */
  const checkCurrent = async (req: Request, res: Response, account: StaffAccount, current: string) => {
    const { check, secondsLeft } = passwordChangeWindow(account.id, deps.clock())
    // Counted before the (slow) check, so a burst of tries cannot slip past; a right one is given back.
    const limited = await deps.rateLimiter.hit(check)
    if (!limited.allowed) {
      res.setHeader('Retry-After', String(secondsLeft))
      deps.securityEvents.record(
        { type: 'lock-out', limit: limited.refusedBy ?? PASSWORD_CHANGE_LIMIT.name, staffId: account.id },
        securityContext(req, res),
      )
      return { refused: Math.max(1, Math.ceil(secondsLeft / 60)) }
    }
    if (await verifyPassword(current, account.passwordHash)) {
      await deps.rateLimiter.forgive(check)
      return { right: true }
    }
    deps.securityEvents.record(
      { type: 'sign-in-failure', staffId: account.id, reason: 'wrong-password' },
      securityContext(req, res),
    )
    return { right: false }
  }

  /** What is wrong with the form, if anything; `forced` also refuses the temporary password again. */
  const problems = async (req: Request, res: Response, account: StaffAccount, forced: boolean) => {
    const t = res.locals.t
    const input = readInput(passwordInput, req.body)
    const errors: ErrorItem[] = []
    if (!forced) {
      if (!input.current) errors.push({ text: t('staff.password.errors.currentMissing'), href: '#current' })
      else {
        const current = await checkCurrent(req, res, account, input.current)
        if (current.refused) {
          // Nothing else is checked (nor said) until the wait is over.
          const minutes = current.refused
          return {
            errors: [{ text: t('staff.password.errors.tooMany', { minutes }), href: '#current' }],
            password: '',
            refused: true,
          }
        }
        if (!current.right) errors.push({ text: t('staff.password.errors.currentWrong'), href: '#current' })
      }
    }
    const password = input.password ?? ''
    const problem = password ? passwordProblem(password, [account.email]) : undefined
    if (!password) errors.push({ text: t('staff.password.errors.newMissing'), href: '#password' })
    else if (problem) errors.push({ text: t(`staff.password.errors.${problem}`), href: '#password' })
    else if (forced && (await verifyPassword(password, account.passwordHash)))
      errors.push({ text: t('staff.password.errors.same'), href: '#password' })
    if (!input.confirm) errors.push({ text: t('staff.password.errors.confirmMissing'), href: '#confirm' })
    else if (password && input.confirm !== password)
      errors.push({ text: t('staff.password.errors.confirmDifferent'), href: '#confirm' })
    return { errors, password, refused: false }
  }

  const record = async (req: Request, res: Response, accountId: string) => {
    await staffAudit(deps.db, accountId, 'staff-password-changed', deps.clock())
    deps.securityEvents.record(
      { type: 'staff-change', actorId: accountId, targetId: accountId, change: 'staff-password-changed' },
      securityContext(req, res),
    )
  }

  const router = Router()

  /** The pending sign-in that may choose its password now, if this session has one. */
  const forcedAccount = async (req: Request) => {
    const account = await pendingSignIn(deps, req)
    return account && req.session.staffPending?.secondFactorDone && account.mustChangePassword ? account : undefined
  }

  router.get(NEW_PASSWORD_PATH, async (req, res) => {
    if (!(await forcedAccount(req))) return res.redirect(303, SIGN_IN_PATH)
    render(res, true, [])
  })

  router.post(NEW_PASSWORD_PATH, async (req, res) => {
    const account = await forcedAccount(req)
    if (!account) return res.redirect(303, SIGN_IN_PATH)
    const { errors, password } = await problems(req, res, account, true)
    if (errors.length) return render(res, true, errors)
    const after = await setOwnPassword(deps.db, account.id, await hashPassword(password))
    if (!after) return res.redirect(303, SIGN_IN_PATH)
    await record(req, res, account.id)
    await completeSignIn(deps, req, res, after)
    res.redirect(303, '/staff')
  })

  const form = (req: Request, res: Response) => render(res, false, [], readInput(doneInput, req.query).done === '1')

  const change = async (req: Request, res: Response) => {
    const staff = req.session.staff
    const account = staff ? await findAccountById(deps.db, staff.id) : undefined
    if (!staff || !account) return res.redirect(303, SIGN_IN_PATH)
    const { errors, password, refused } = await problems(req, res, account, false)
    // Too many wrong tries: refused for the window, and still signed in (nothing here ends the session).
    if (errors.length) return render(res, false, errors, false, refused ? 429 : undefined)
    const after = await setOwnPassword(deps.db, account.id, await hashPassword(password))
    if (!after) return res.redirect(303, SIGN_IN_PATH)
    // Every other session has ended; this one carries on under the new epoch.
    req.session.staff = { ...staff, epoch: after.sessionEpoch }
    await saveSession(req)
    await record(req, res, account.id)
    res.redirect(303, '/staff/password?done=1')
  }

  return { router, form, change }
}

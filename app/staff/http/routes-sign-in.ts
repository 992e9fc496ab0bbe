import { Router, type Request, type Response } from 'express'
import type { AppDeps } from '../../deps'
import { findAccountByEmail, looksLikeEmail, normaliseEmail } from '../service/accounts'
import { staffAudit } from '../service/audit-log'
import { field, rawField, type ErrorItem } from './form'
import { decoyHash, verifyPassword } from '../password'
import { SIGN_IN_PATH, TWO_FACTOR_PATH, TWO_FACTOR_SET_UP_PATH } from '../route-table'
import { twoFactorRoutes } from './routes-two-factor'
import { destroySession, freshSession, saveSession } from './session-reset'
import { delayBeforeAttempt, SIGN_IN_LIMITS, signInCounters, sleep } from '../sign-in-throttle'
import { addressKey } from '../../security/limits'
import { securityContext } from '../../security/http-context'
import { isFamiliarSource, sourceOf } from '../service/sign-in-sources'
import { clearSessionCookie } from './current-staff'
import { CHANGE_EVENT, changeAccount } from '../service/lifecycle'

/** The message over the sign-in form: signed out on request, or a session the portal ended. */
type SignInNotice = 'signed-out' | 'everywhere' | 'ended' | 'expired'

function noticeFrom(req: Request): SignInNotice | undefined {
  if (req.query.signedOut === '1') return 'signed-out'
  if (req.query.signedOut === 'everywhere') return 'everywhere'
  if (req.query.ended === 'ended' || req.query.ended === 'expired') return req.query.ended
  return undefined
}

/** Sign-in (open to all) and sign-out (guarded in the main staff router). */
export function signInRoutes(deps: AppDeps): Router {
  const router = Router()

  const render = (res: Response, email: string, errorList: ErrorItem[], status = 200, notice?: SignInNotice) =>
    res.status(status).render('staff/sign-in.njk', {
      pageTitle: res.locals.t('staff.signIn.title'),
      email,
      errorList,
      emailError: errorList.find((e) => e.href === '#email'),
      passwordError: errorList.find((e) => e.href === '#password'),
      notice,
    })

  router.get(SIGN_IN_PATH, (req, res) => {
    if (req.session.staff) return res.redirect(303, '/staff')
    render(res, '', [], 200, noticeFrom(req))
  })

  router.post(SIGN_IN_PATH, async (req: Request, res: Response) => {
    const t = res.locals.t
    const email = field(req, 'email', 254)
    // Exactly as typed: a space at either end is part of the password.
    const password = rawField(req, 'password', 256)
    const errors: ErrorItem[] = []
    if (!email) errors.push({ text: t('staff.signIn.errors.emailMissing'), href: '#email' })
    else if (!looksLikeEmail(email)) errors.push({ text: t('staff.signIn.errors.emailFormat'), href: '#email' })
    if (!password) errors.push({ text: t('staff.signIn.errors.passwordMissing'), href: '#password' })
    if (errors.length) return render(res, email, errors, 400)

    const now = deps.clock()
    const address = addressKey(req.ip)
    const account = await findAccountByEmail(deps.db, email)
    // Unknown emails are never familiar, so an unknown and a known account are throttled alike.
    const familiar = account
      ? await isFamiliarSource(deps.db, account.id, sourceOf(deps.config.sessionSecret, address), now)
      : false
    const { byAddress, byAccount, byPair } = signInCounters(SIGN_IN_LIMITS, normaliseEmail(email), address, familiar)
    // The address first: once it is refused, nothing is counted against the account. The pair
    // last, so its count (this account from this address) sets the delay below.
    const limited = await deps.rateLimiter.hit(byAddress, ...(byAccount ? [byAccount] : []), byPair)
    if (!limited.allowed) {
      res.setHeader('Retry-After', String(limited.retryAfterSeconds))
      deps.securityEvents.record(
        { type: 'lock-out', limit: limited.refusedBy ?? 'unknown', ...(account ? { staffId: account.id } : {}) },
        securityContext(req, res),
      )
      const minutes = Math.max(1, Math.ceil(limited.retryAfterSeconds / 60))
      return render(res, email, [{ text: t('staff.signIn.errors.tooMany', { minutes }), href: '#email' }], 429)
    }
    // Each failure of this account from this address makes the next try slower.
    await sleep(delayBeforeAttempt(Math.max(limited.count, 1)))

    const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()))
    // A disabled account is refused like a wrong password (after the same scrypt work), so
    // the page does not tell a guesser which accounts exist or are disabled.
    if (!account || !matches || account.disabledAt) {
      deps.securityEvents.record(
        account
          ? { type: 'sign-in-failure', staffId: account.id, reason: matches ? 'disabled' : 'wrong-password' }
          : { type: 'sign-in-failure', reason: 'unknown-account' },
        securityContext(req, res),
      )
      return render(res, email, [{ text: t('staff.signIn.errors.wrong'), href: '#email' }], 400)
    }
    await deps.rateLimiter.reset(byPair)
    // Only failures count against the address: a library or job centre signs all its
    // advisers in from one public address, and a busy morning must not lock them out.
    await deps.rateLimiter.forgive(byAddress)
    if (byAccount) await deps.rateLimiter.forgive(byAccount)
    // The password is right; the second factor is still to come. A new session id now, and
    // another when the sign-in completes (two-factor.ts): neither id is worth planting.
    await freshSession(req, { lang: req.session.lang })
    req.session.staffPending = { id: account.id, epoch: account.sessionEpoch, since: now.toISOString() }
    await saveSession(req)
    res.redirect(303, account.totpSecret ? TWO_FACTOR_PATH : TWO_FACTOR_SET_UP_PATH)
  })

  router.use(twoFactorRoutes(deps))

  return router
}

/** Sign-out destroys the whole session (and with it any citizen's data) and clears the cookie. */
export async function signOut(deps: AppDeps, req: Request, res: Response): Promise<void> {
  const staff = req.session.staff
  if (staff) await staffAudit(deps.db, staff.id, 'staff-sign-out', deps.clock())
  await destroySession(req)
  clearSessionCookie(deps, res)
  res.redirect(303, `${SIGN_IN_PATH}?signedOut=1`)
}

/**
 * "Sign out everywhere": every session of this account ends (on every computer and
 * instance, within the identity cache's few seconds), this one at once.
 */
export async function signOutEverywhere(deps: AppDeps, req: Request, res: Response): Promise<void> {
  const staff = req.session.staff
  if (staff) {
    const now = deps.clock()
    await changeAccount(deps.db, staff.id, { kind: 'sign-out-everywhere' }, staff.id, now)
    await staffAudit(deps.db, staff.id, CHANGE_EVENT['sign-out-everywhere'], now)
    deps.securityEvents.record(
      { type: 'staff-change', actorId: staff.id, targetId: staff.id, change: CHANGE_EVENT['sign-out-everywhere'] },
      securityContext(req, res),
    )
  }
  await destroySession(req)
  clearSessionCookie(deps, res)
  res.redirect(303, `${SIGN_IN_PATH}?signedOut=everywhere`)
}

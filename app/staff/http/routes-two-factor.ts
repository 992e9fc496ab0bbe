import { Router, type Request, type Response } from 'express'
import QRCode from 'qrcode'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { readInput } from '../../request-input'
import { securityContext } from '../../security/http-context'
import { addressKey } from '../../security/limits'
import { findAccountById, type StaffAccount } from '../service/accounts'
import { staffAudit } from '../service/audit-log'
import { rememberSource, sourceOf } from '../service/sign-in-sources'
import { lastStepOf, saveEnrolment, spendRecoveryCode, spendStep } from '../service/two-factor'
import { hashRecoveryCode, newRecoveryCodes, recoveryCodeFromInput } from '../recovery-codes'
import { NEW_PASSWORD_PATH, SIGN_IN_PATH, TWO_FACTOR_PATH, TWO_FACTOR_SET_UP_PATH } from '../route-table'
import { openSecret, sealSecret, secretBoxKey } from '../secret-box'
import { pendingIsLive } from '../session-rules'
import { TWO_FACTOR_LIMITS } from '../sign-in-throttle'
import { acceptedStep, codeFromInput, groupedSecret, newTotpSecret, otpauthUri } from '../two-factor'
import { giveBackCodeTry, holdCodeTry } from './code-throttle'
import type { ErrorItem } from './form'
import { freshSession, saveSession } from './session-reset'

const codeInput = z.object({ code: z.string().max(64).optional().catch(undefined) })

/** The account half signed in on this session, if it may go on; otherwise the pending state is dropped. */
export async function pendingSignIn(deps: AppDeps, req: Request): Promise<StaffAccount | undefined> {
  const pending = req.session.staffPending
  if (!pending) return undefined
  const account = await findAccountById(deps.db, pending.id)
  if (account && pendingIsLive(pending, account, deps.clock())) return account
  delete req.session.staffPending
  return undefined
}

/** Signed in at last: a new session id holding only the member of staff and the language. */
export async function completeSignIn(deps: AppDeps, req: Request, res: Response, account: StaffAccount): Promise<void> {
  const now = deps.clock()
  // Only a complete sign-in makes an address familiar: a password alone must not buy an
  // attacker's address the gentler limits.
  await rememberSource(deps.db, account.id, sourceOf(deps.config.sessionSecret, addressKey(req.ip)), now)
  await freshSession(req, { lang: req.session.lang })
  req.session.staff = {
    id: account.id,
    email: account.email,
    role: account.role,
    signedInAt: now.toISOString(),
    epoch: account.sessionEpoch,
  }
  await saveSession(req)
  await staffAudit(deps.db, account.id, 'staff-sign-in', now)
  deps.securityEvents.record({ type: 'sign-in-success', staffId: account.id }, securityContext(req, res))
}

/**
 * The sign-in's second step: a code from the member's authenticator app (or a recovery
 * code), or, the first time, setting the app up. Open only to a session whose password was
 * just accepted (`staffPending`); the session is signed in only when this step succeeds.
 */
export function twoFactorRoutes(deps: AppDeps): Router {
  const router = Router()
  const key = secretBoxKey(deps.config.staffTotpKey)

  const pendingAccount = (req: Request) => pendingSignIn(deps, req)

  /** Second factor done, but the password was an administrator's: choose one before the sign-in completes. */
  const toNewPassword = async (req: Request, res: Response) => {
    const pending = req.session.staffPending
    if (pending) pending.secondFactorDone = true
    await saveSession(req)
    res.redirect(303, NEW_PASSWORD_PATH)
  }

  const renderCode = (res: Response, errorList: ErrorItem[], status = 200) =>
    res.status(status).render('staff/two-factor.njk', {
      pageTitle: res.locals.t('staff.twoFactor.title'),
      errorList,
      codeError: errorList[0],
    })

  router.get(TWO_FACTOR_PATH, async (req, res) => {
    const account = await pendingAccount(req)
    if (!account) return res.redirect(303, SIGN_IN_PATH)
    if (!account.totpSecret) return res.redirect(303, TWO_FACTOR_SET_UP_PATH)
    renderCode(res, [])
  })

  router.post(TWO_FACTOR_PATH, async (req, res) => {
    const t = res.locals.t
    const account = await pendingAccount(req)
    if (!account) return res.redirect(303, SIGN_IN_PATH)
    if (!account.totpSecret) return res.redirect(303, TWO_FACTOR_SET_UP_PATH)
    const typed = readInput(codeInput, req.body).code ?? ''
    if (!typed.trim()) return renderCode(res, [{ text: t('staff.twoFactor.errors.missing'), href: '#code' }], 400)

    // The same scheme as the password (sign-in-throttle.ts), with the code step's own counts.
    const held = await holdCodeTry(deps, req, res, TWO_FACTOR_LIMITS, account.id)
    if (held.refused) {
      return renderCode(
        res,
        [{ text: t('staff.twoFactor.errors.tooMany', { minutes: held.minutes }), href: '#code' }],
        429,
      )
    }

    const secret = openSecret(key, account.id, account.totpSecret)
    if (secret === undefined) {
      // Another key than the one it was sealed with (STAFF_TOTP_KEY changed): never a way
      // round the second factor; an administrator resets it.
      deps.securityEvents.record(
        { type: 'sign-in-failure', staffId: account.id, reason: 'second-factor' },
        securityContext(req, res),
      )
      return renderCode(res, [{ text: t('staff.twoFactor.errors.unreadable'), href: '#code' }], 400)
    }
    const now = deps.clock()
    const code = codeFromInput(typed)
    const recovery = code ? undefined : recoveryCodeFromInput(typed)
    let accepted = false
    if (code) {
      const step = acceptedStep(secret, code, now, await lastStepOf(deps.db, account.id))
      accepted = step !== undefined && (await spendStep(deps.db, account.id, step))
    } else if (recovery) {
      accepted = await spendRecoveryCode(deps.db, account.id, hashRecoveryCode(recovery), now)
    }
    if (!accepted) {
      deps.securityEvents.record(
        { type: 'sign-in-failure', staffId: account.id, reason: 'second-factor' },
        securityContext(req, res),
      )
      return renderCode(res, [{ text: t('staff.twoFactor.errors.wrong'), href: '#code' }], 400)
    }
    await giveBackCodeTry(deps, held.counters)
    if (recovery) {
      deps.securityEvents.record(
        { type: 'staff-change', actorId: account.id, targetId: account.id, change: 'staff-recovery-code-used' },
        securityContext(req, res),
      )
    }
    if (account.mustChangePassword) return toNewPassword(req, res)
    await completeSignIn(deps, req, res, account)
    res.redirect(303, '/staff')
  })

  const renderSetUp = async (res: Response, account: StaffAccount, secret: string, errorList: ErrorItem[]) => {
    const t = res.locals.t
    const uri = otpauthUri(secret, deps.config.brandName, account.email)
    // SVG drawn here, on the server: it shows without JavaScript, and scales sharply.
    const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
    res.status(errorList.length ? 400 : 200).render('staff/two-factor-set-up.njk', {
      pageTitle: t('staff.twoFactor.setUp.title'),
      qrSrc: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      secretGroups: groupedSecret(secret),
      errorList,
      codeError: errorList[0],
    })
  }

  /** The secret being set up on this session, made (and sealed into the session) on first sight. */
  const enrolSecret = async (req: Request, account: StaffAccount): Promise<string> => {
    const pending = req.session.staffPending
    const held = pending?.enrolSecret ? openSecret(key, account.id, pending.enrolSecret) : undefined
    if (held) return held
    const secret = newTotpSecret()
    if (pending) pending.enrolSecret = sealSecret(key, account.id, secret)
    await saveSession(req)
    return secret
  }

  router.get(TWO_FACTOR_SET_UP_PATH, async (req, res) => {
    const account = await pendingAccount(req)
    if (!account) return res.redirect(303, SIGN_IN_PATH)
    if (account.totpSecret) return res.redirect(303, TWO_FACTOR_PATH)
    await renderSetUp(res, account, await enrolSecret(req, account), [])
  })

  router.post(TWO_FACTOR_SET_UP_PATH, async (req, res) => {
    const t = res.locals.t
    const account = await pendingAccount(req)
    if (!account) return res.redirect(303, SIGN_IN_PATH)
    if (account.totpSecret) return res.redirect(303, TWO_FACTOR_PATH)
    const secret = await enrolSecret(req, account)
    const typed = readInput(codeInput, req.body).code ?? ''
    const code = codeFromInput(typed)
    if (!code) {
      const text = t(typed.trim() ? 'staff.twoFactor.errors.format' : 'staff.twoFactor.errors.missingSetUp')
      return renderSetUp(res, account, secret, [{ text, href: '#code' }])
    }
    // No throttle here: the secret is the one this page has just shown, so there is nothing to guess.
    const step = acceptedStep(secret, code, deps.clock(), null)
    if (step === undefined) {
      return renderSetUp(res, account, secret, [{ text: t('staff.twoFactor.errors.wrongSetUp'), href: '#code' }])
    }
    const codes = newRecoveryCodes()
    const saved = await saveEnrolment(
      deps.db,
      account.id,
      sealSecret(key, account.id, secret),
      step,
      codes.map(hashRecoveryCode),
    )
    // Set up meanwhile (another tab): that one stands, and this sign-in asks for its code.
    if (!saved) return res.redirect(303, TWO_FACTOR_PATH)
    deps.securityEvents.record(
      { type: 'staff-change', actorId: account.id, targetId: account.id, change: 'staff-two-factor-set-up' },
      securityContext(req, res),
    )
    const pending = req.session.staffPending
    if (account.mustChangePassword && pending) {
      pending.secondFactorDone = true
      await saveSession(req)
    } else await completeSignIn(deps, req, res, account)
    // Shown once, in this response only: they are stored as hashes and never again readable.
    res.setHeader('Cache-Control', 'no-store')
    res.render('staff/recovery-codes.njk', {
      pageTitle: t('staff.twoFactor.codes.title'),
      codes,
      continueHref: account.mustChangePassword ? NEW_PASSWORD_PATH : '/staff',
    })
  })

  return router
}

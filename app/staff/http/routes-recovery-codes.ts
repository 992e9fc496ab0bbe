import type { Request, Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { readInput } from '../../request-input'
import { securityContext } from '../../security/http-context'
import { findAccountById, type StaffAccount } from '../service/accounts'
import { lastStepOf, renewRecoveryCodes, unusedRecoveryCodes } from '../service/two-factor'
import { hashRecoveryCode, newRecoveryCodes, recoveryCodesLeft } from '../recovery-codes'
import { SIGN_IN_PATH } from '../route-table'
import { openSecret, secretBoxKey } from '../secret-box'
import { REAUTHENTICATION_LIMITS } from '../sign-in-throttle'
import { acceptedStep, codeFromInput } from '../two-factor'
import { giveBackCodeTry, holdCodeTry } from './code-throttle'
import type { ErrorItem } from './form'

const PATH = '/staff/recovery-codes'
const codeInput = z.object({ code: z.string().max(64).optional().catch(undefined) })

/**
 * The signed-in member's recovery codes: how many are left, and a new set in place of all
 * of them. Making a new set changes an authenticator, so it asks for the code from the app
 * first (ASVS V6 re-authentication), throttled like the sign-in's code step and spending the
 * code's step, so a code seen over a shoulder or already used to sign in is worth nothing.
 * Only the app's code will do: a recovery code is what is being replaced.
 */
export function recoveryCodeHandlers(deps: AppDeps) {
  const key = secretBoxKey(deps.config.staffTotpKey)

  const render = async (res: Response, account: StaffAccount, errorList: ErrorItem[], status = 200) => {
    const unused = await unusedRecoveryCodes(deps.db, account.id)
    res.status(status).render('staff/recovery-codes-manage.njk', {
      pageTitle: res.locals.t('staff.recoveryCodes.title'),
      unused,
      left: recoveryCodesLeft(unused),
      errorList,
      codeError: errorList[0],
    })
  }

  /** The member signed in on this session, with two-factor set up (always so, unless reset this very moment). */
  const member = async (req: Request) => {
    const staff = req.session.staff
    const account = staff ? await findAccountById(deps.db, staff.id) : undefined
    return account?.totpSecret ? { account, sealed: account.totpSecret } : undefined
  }

  const page = async (req: Request, res: Response) => {
    const found = await member(req)
    if (!found) return res.redirect(303, SIGN_IN_PATH)
    await render(res, found.account, [])
  }

  const renew = async (req: Request, res: Response) => {
    const t = res.locals.t
    const found = await member(req)
    if (!found) return res.redirect(303, SIGN_IN_PATH)
    const { account, sealed } = found
    const typed = readInput(codeInput, req.body).code ?? ''
    const error = (name: string, status = 400, vars?: Record<string, number>) =>
      render(res, account, [{ text: t(`staff.recoveryCodes.errors.${name}`, vars), href: '#code' }], status)
    if (!typed.trim()) return error('missing')
    const code = codeFromInput(typed)
    // Not six digits is a slip, not a guess: it is not counted.
    if (!code) return error('format')

    const held = await holdCodeTry(deps, req, res, REAUTHENTICATION_LIMITS, account.id)
    if (held.refused) return error('tooMany', 429, { minutes: held.minutes })
    const secret = openSecret(key, account.id, sealed)
    // Sealed under another key (STAFF_TOTP_KEY changed): only an administrator's reset helps.
    if (secret === undefined) return error('unreadable')
    const now = deps.clock()
    const step = acceptedStep(secret, code, now, await lastStepOf(deps.db, account.id))
    const codes = newRecoveryCodes()
    const renewed =
      step !== undefined && (await renewRecoveryCodes(deps.db, account.id, step, codes.map(hashRecoveryCode), now))
    if (!renewed) {
      deps.securityEvents.record(
        { type: 'sign-in-failure', staffId: account.id, reason: 'second-factor' },
        securityContext(req, res),
      )
      return error('wrong')
    }
    await giveBackCodeTry(deps, held.counters)
    deps.securityEvents.record(
      { type: 'staff-change', actorId: account.id, targetId: account.id, change: 'staff-recovery-codes-renewed' },
      securityContext(req, res),
    )
    // Shown once, in this response only: they are stored as hashes and never again readable.
    res.setHeader('Cache-Control', 'no-store')
    res.render('staff/recovery-codes.njk', {
      pageTitle: t('staff.recoveryCodes.newTitle'),
      renewed: true,
      codes,
      continueHref: PATH,
    })
  }

  return { page, renew }
}

import type { NextFunction, Request, Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { oneOf, readInput } from '../../request-input'
import { securityContext } from '../../security/http-context'
import { findAccountById, listAccounts, type StaffAccount } from '../service/accounts'
import { staffAudit } from '../service/audit-log'
import { CHANGE_EVENT, changeAccount, type AccountChange, type ChangeRefusal } from '../service/lifecycle'
import { ROLES } from '../roles'
import type { ErrorItem } from './form'
import { generatePassword, hashPassword } from '../password'

const idSchema = z.uuid()
const roleInput = z.object({ role: oneOf(...ROLES) })
const statusInput = z.object({ status: oneOf('disabled', 'enabled') })
const doneInput = z.object({ done: oneOf('role', 'disable', 'enable', 'sign-out-everywhere', 'reset-two-factor') })

type Done = z.infer<typeof doneInput>['done']

function accountId(req: Request): string | undefined {
  const parsed = idSchema.safeParse(req.params.id)
  return parsed.success ? parsed.data : undefined
}

/** Account lifecycle for admins: the list, one account's page, and the changes made from it. */
export function accountHandlers(deps: AppDeps) {
  const renderAccount = (res: Response, account: StaffAccount, errorList: ErrorItem[], done?: Done) => {
    const t = res.locals.t
    res.status(errorList.length ? 400 : 200).render('staff/account.njk', {
      pageTitle: t('staff.account.title'),
      account: {
        id: account.id,
        email: account.email,
        disabled: Boolean(account.disabledAt),
        twoFactor: Boolean(account.totpSecret),
      },
      summaryRows: [
        { key: { text: t('staff.account.email') }, value: { text: account.email } },
        { key: { text: t('staff.home.role') }, value: { text: t(`staff.roles.${account.role}`) } },
        {
          key: { text: t('staff.account.status') },
          value: { text: t(account.disabledAt ? 'staff.account.disabled' : 'staff.account.active') },
        },
      ],
      roleItems: ROLES.map((role) => ({ value: role, text: t(`staff.roles.${role}`), checked: role === account.role })),
      done: done ? t(`staff.account.done.${done}`) : undefined,
      errorList,
      roleError: errorList.find((e) => e.href === '#role'),
    })
  }

  const list = async (_req: Request, res: Response) => {
    const t = res.locals.t
    const accounts = await listAccounts(deps.db)
    res.render('staff/accounts.njk', {
      pageTitle: t('staff.accounts.title'),
      // A summary list, not a table: it stacks on a narrow screen, where long email addresses
      // would make a table wider than the page.
      accountRows: accounts.map((a) => ({
        key: { text: a.email, classes: 'app-wrap-anywhere' },
        value: {
          text: `${t(`staff.roles.${a.role}`)}, ${t(a.disabledAt ? 'staff.account.disabled' : 'staff.account.active')}`,
        },
        actions: {
          items: [{ href: `/staff/accounts/${a.id}`, text: t('staff.accounts.manage'), visuallyHiddenText: a.email }],
        },
      })),
    })
  }

  const show = async (req: Request, res: Response, next: NextFunction) => {
    const id = accountId(req)
    const account = id ? await findAccountById(deps.db, id) : undefined
    if (!account) return next()
    renderAccount(res, account, [], readInput(doneInput, req.query).done)
  }

  const refusalText = (res: Response, problem: Exclude<ChangeRefusal, 'not-found'>) =>
    res.locals.t(`staff.account.errors.${problem}`)

  /** Applies one change for the signed-in admin, records it, and comes back to the account's page. */
  const apply = async (req: Request, res: Response, next: NextFunction, change: AccountChange | undefined) => {
    const id = accountId(req)
    const actor = req.session.staff
    if (!id || !actor) return next()
    if (!change) {
      const account = await findAccountById(deps.db, id)
      if (!account) return next()
      return renderAccount(res, account, [{ text: res.locals.t('staff.account.errors.role'), href: '#role' }])
    }
    const now = deps.clock()
    const result = await changeAccount(deps.db, id, change, actor.id, now)
    if (!result.ok) {
      if (result.problem === 'not-found') return next()
      const account = await findAccountById(deps.db, id)
      if (!account) return next()
      const href = change.kind === 'role' ? '#role' : '#changes'
      return renderAccount(res, account, [{ text: refusalText(res, result.problem), href }])
    }
    if (result.changed) {
      await staffAudit(deps.db, actor.id, CHANGE_EVENT[change.kind], now)
      deps.securityEvents.record(
        { type: 'staff-change', actorId: actor.id, targetId: id, change: CHANGE_EVENT[change.kind] },
        securityContext(req, res),
      )
    }
    res.redirect(303, `/staff/accounts/${id}?done=${change.kind}`)
  }

  const role = (req: Request, res: Response, next: NextFunction) => {
    const chosen = readInput(roleInput, req.body).role
    return apply(req, res, next, chosen ? { kind: 'role', role: chosen } : undefined)
  }

  const status = (req: Request, res: Response, next: NextFunction) => {
    const chosen = readInput(statusInput, req.body).status
    // The buttons always send a status; a forged form without one changes nothing.
    if (!chosen) return res.redirect(303, `/staff/accounts/${accountId(req) ?? ''}`)
    return apply(req, res, next, { kind: chosen === 'disabled' ? 'disable' : 'enable' })
  }

  const signOutEverywhere = (req: Request, res: Response, next: NextFunction) =>
    apply(req, res, next, { kind: 'sign-out-everywhere' })

  const resetTwoFactor = (req: Request, res: Response, next: NextFunction) =>
    apply(req, res, next, { kind: 'reset-two-factor' })

  /**
   * A temporary password, made here (never chosen by the admin, so never weak) and shown
   * once, for the admin to pass on in person or by phone: an emailed reset link would make
   * the mailbox a way into a staff account. It is good for one sign-in, which still needs
   * the second factor and ends by choosing a new password.
   */
  const resetPassword = async (req: Request, res: Response, next: NextFunction) => {
    const id = accountId(req)
    const actor = req.session.staff
    if (!id || !actor) return next()
    const temporary = generatePassword()
    const now = deps.clock()
    const change = { kind: 'reset-password', passwordHash: await hashPassword(temporary) } as const
    const result = await changeAccount(deps.db, id, change, actor.id, now)
    if (!result.ok) {
      if (result.problem === 'not-found') return next()
      const account = await findAccountById(deps.db, id)
      if (!account) return next()
      return renderAccount(res, account, [{ text: refusalText(res, result.problem), href: '#changes' }])
    }
    await staffAudit(deps.db, actor.id, CHANGE_EVENT['reset-password'], now)
    deps.securityEvents.record(
      { type: 'staff-change', actorId: actor.id, targetId: id, change: CHANGE_EVENT['reset-password'] },
      securityContext(req, res),
    )
    res.setHeader('Cache-Control', 'no-store')
    res.render('staff/temporary-password.njk', {
      pageTitle: res.locals.t('staff.accountResets.temporaryTitle'),
      accountId: id,
      password: temporary,
    })
  }

  return { list, show, role, status, signOutEverywhere, resetTwoFactor, resetPassword }
}

import type { NextFunction, Request, Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { parsePage } from '../../applications/validate'
import { oneOf, readInput } from '../../request-input'
import { isoDay } from '../../rules/dates'
import { securityContext } from '../../security/http-context'
import {
  createAccount,
  findAccountByEmail,
  findAccountById,
  listAccounts,
  type StaffAccount,
} from '../service/accounts'
import { staffAudit, type StaffAction } from '../service/audit-log'
import {
  CHANGE_EVENT,
  CREATED_EVENT,
  changeAccount,
  type AccountChange,
  type ChangeRefusal,
} from '../service/lifecycle'
import { ROLES, type Role } from '../roles'
import type { ErrorItem } from './form'
import { generatePassword, hashPassword } from '../password'

const idSchema = z.uuid()
/** The new account's address, read and checked as every email field is (sanitised, then the email rule). */
const EMAIL_FIELD = { id: 'email', kind: 'email' } as const
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

  /** A change an admin made: on the audit trail (who and what), and on the security log with whose account. */
  const recordChange = async (
    req: Request,
    res: Response,
    now: Date,
    event: { actorId: string; targetId: string; change: StaffAction },
  ) => {
    await staffAudit(deps.db, event.actorId, event.change, now)
    deps.securityEvents.record({ type: 'staff-change', ...event }, securityContext(req, res))
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
    if (result.changed)
      await recordChange(req, res, now, { actorId: actor.id, targetId: id, change: CHANGE_EVENT[change.kind] })
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
    await recordChange(req, res, now, { actorId: actor.id, targetId: id, change: CHANGE_EVENT['reset-password'] })
    res.setHeader('Cache-Control', 'no-store')
    res.render('staff/temporary-password.njk', {
      pageTitle: res.locals.t('staff.accountResets.temporaryTitle'),
      accountId: id,
      password: temporary,
    })
  }

  /** The "Add a staff account" form: what was typed (a role only if it is one), the errors, and the account already there. */
  const renderNew = (
    res: Response,
    form: { email: string; role?: Role },
    errorList: ErrorItem[],
    existingId?: string,
  ) => {
    const t = res.locals.t
    res.status(errorList.length ? 400 : 200).render('staff/account-new.njk', {
      pageTitle: t('staff.newAccount.title'),
      form,
      // No role chosen to start with: the admin picks one on purpose.
      roleItems: ROLES.map((role) => ({ value: role, text: t(`staff.roles.${role}`), checked: role === form.role })),
      errorList,
      emailError: errorList.find((e) => e.href === '#email'),
      roleError: errorList.find((e) => e.href === '#role'),
      existingHref: existingId ? `/staff/accounts/${existingId}` : undefined,
    })
  }

  const newForm = (_req: Request, res: Response) => renderNew(res, { email: '' }, [])

  /**
   * An admin adds a member of staff. The account gets a temporary password, made here (never
   * chosen by the admin) and shown once, for the admin to pass on in person or by phone, as
   * after a password reset. There is deliberately no emailed invitation: a link that sets up
   * an account would make the mailbox a way into a staff account, the reason resets are not
   * emailed either. The first sign-in with it still sets up two-factor, and ends by choosing
   * a new password (mustChangePassword), so it is good only until the member has their own.
   */
  const create = async (req: Request, res: Response, next: NextFunction) => {
    const actor = req.session.staff
    if (!actor) return next()
    const t = res.locals.t
    const now = deps.clock()
    const parsed = parsePage([EMAIL_FIELD], req.body, isoDay(now))
    // Only an address the email rule took is looked up or added.
    const email =
      parsed.errors.length === 0 && typeof parsed.values.email === 'string' ? parsed.values.email : undefined
    const role = readInput(roleInput, req.body).role
    const form = { email: String(parsed.echo.email ?? ''), role }
    const exists = (account: StaffAccount | undefined) =>
      renderNew(
        res,
        form,
        [
          { text: t('staff.newAccount.errors.exists'), href: '#email' },
          ...(role ? [] : [{ text: t('staff.account.errors.role'), href: '#role' }]),
        ],
        account?.id,
      )
    const errors: ErrorItem[] = []
    if (email === undefined) {
      const missing = parsed.errors.some((e) => e.code === 'required')
      errors.push({ text: t(`staff.newAccount.errors.${missing ? 'emailMissing' : 'emailFormat'}`), href: '#email' })
    } else {
      const existing = await findAccountByEmail(deps.db, email)
      if (existing) return exists(existing)
    }
    if (!role) errors.push({ text: t('staff.account.errors.role'), href: '#role' })
    if (email === undefined || !role) return renderNew(res, form, errors)

    const temporary = generatePassword()
    const result = await createAccount(deps.db, { email, password: temporary, role, mustChangePassword: true }, now)
    if (!result.ok) {
      // Added meanwhile (another admin, the command line): the same answer as above.
      if (result.problem === 'exists') return exists(await findAccountByEmail(deps.db, email))
      // An address the email rule takes but the account's own check does not (longer once lower-cased).
      if (result.problem === 'email')
        return renderNew(res, form, [{ text: t('staff.newAccount.errors.emailFormat'), href: '#email' }])
      // A generated password always passes the password rules.
      throw new Error(`a new staff account was refused: ${result.problem}`)
    }
    const account = result.account
    await recordChange(req, res, now, { actorId: actor.id, targetId: account.id, change: CREATED_EVENT })
    res.setHeader('Cache-Control', 'no-store')
    res.render('staff/temporary-password.njk', {
      pageTitle: t('staff.newAccount.createdTitle'),
      accountId: account.id,
      password: temporary,
      created: {
        summaryRows: [
          { key: { text: t('staff.account.email') }, value: { text: account.email, classes: 'app-wrap-anywhere' } },
          { key: { text: t('staff.home.role') }, value: { text: t(`staff.roles.${account.role}`) } },
        ],
      },
    })
  }

  return { list, show, role, status, signOutEverywhere, resetTwoFactor, resetPassword, newForm, create }
}

import { ACCOUNT_MANAGERS, AUDIT_EXPORTERS, AUDIT_READERS, EVERY_ROLE, HELPERS, type Role } from './roles'

export interface StaffRoute {
  method: 'get' | 'post'
  path: string
  /** Roles allowed; everyone else signed in gets 403, anyone signed out goes to sign-in. */
  roles: readonly Role[]
}

/**
 * Every guarded /staff route, as data. The router registers exactly these with their guard,
 * and the tests walk the same list, so a new route cannot ship without its refusal tested.
 * Only the sign-in page itself is open.
 */
export const STAFF_ROUTES = [
  { method: 'get', path: '/staff', roles: EVERY_ROLE },
  { method: 'post', path: '/staff/sign-out', roles: EVERY_ROLE },
  { method: 'post', path: '/staff/sign-out-everywhere', roles: EVERY_ROLE },
  { method: 'get', path: '/staff/start', roles: HELPERS },
  { method: 'post', path: '/staff/start', roles: HELPERS },
  { method: 'get', path: '/staff/resume', roles: HELPERS },
  { method: 'post', path: '/staff/resume', roles: HELPERS },
  { method: 'get', path: '/staff/finish', roles: EVERY_ROLE },
  { method: 'post', path: '/staff/finish', roles: EVERY_ROLE },
  { method: 'get', path: '/staff/cases', roles: HELPERS },
  { method: 'post', path: '/staff/cases/:id/continue', roles: HELPERS },
  { method: 'get', path: '/staff/case', roles: HELPERS },
  { method: 'get', path: '/staff/case/label', roles: HELPERS },
  { method: 'post', path: '/staff/case/label', roles: HELPERS },
  { method: 'get', path: '/staff/case/send', roles: HELPERS },
  { method: 'post', path: '/staff/case/send', roles: HELPERS },
  { method: 'get', path: '/staff/case/sent', roles: HELPERS },
  { method: 'get', path: '/staff/audit', roles: AUDIT_READERS },
  { method: 'get', path: '/staff/audit.csv', roles: AUDIT_EXPORTERS },
  { method: 'get', path: '/staff/accounts', roles: ACCOUNT_MANAGERS },
  // Before `/staff/accounts/:id`, so "new" is never read as an account's id.
  { method: 'get', path: '/staff/accounts/new', roles: ACCOUNT_MANAGERS },
  { method: 'post', path: '/staff/accounts/new', roles: ACCOUNT_MANAGERS },
  { method: 'get', path: '/staff/accounts/:id', roles: ACCOUNT_MANAGERS },
  { method: 'post', path: '/staff/accounts/:id/role', roles: ACCOUNT_MANAGERS },
  { method: 'post', path: '/staff/accounts/:id/status', roles: ACCOUNT_MANAGERS },
  { method: 'post', path: '/staff/accounts/:id/sign-out-everywhere', roles: ACCOUNT_MANAGERS },
  { method: 'post', path: '/staff/accounts/:id/reset-two-factor', roles: ACCOUNT_MANAGERS },
  { method: 'post', path: '/staff/accounts/:id/reset-password', roles: ACCOUNT_MANAGERS },
  { method: 'get', path: '/staff/password', roles: EVERY_ROLE },
  { method: 'post', path: '/staff/password', roles: EVERY_ROLE },
  { method: 'get', path: '/staff/recovery-codes', roles: EVERY_ROLE },
  { method: 'post', path: '/staff/recovery-codes', roles: EVERY_ROLE },
] as const satisfies readonly StaffRoute[]

type Entry = (typeof STAFF_ROUTES)[number]
export type StaffRouteKey = Entry extends infer E ? (E extends Entry ? `${E['method']} ${E['path']}` : never) : never

export const SIGN_IN_PATH = '/staff/sign-in'
/** The sign-in's second step, open only to a session whose password was just accepted. */
export const TWO_FACTOR_PATH = '/staff/sign-in/code'
/** Setting up two-factor, at the first sign-in (or the first after an administrator's reset). */
export const TWO_FACTOR_SET_UP_PATH = '/staff/sign-in/set-up'
/** After an administrator's password reset: the sign-in ends by choosing a new password. */
export const NEW_PASSWORD_PATH = '/staff/sign-in/new-password'

import { parseArgs } from 'node:util'
import { runAsMain, USAGE_ERROR, withStore, type Command } from './command'
import { findAccountByEmail } from '../staff/service/accounts'
import { CHANGE_EVENT, changeAccount, type AccountChange } from '../staff/service/lifecycle'
import { isRole, ROLES } from '../staff/roles'
import { generatePassword, hashPassword } from '../staff/password'
import { cliSecurityEvents } from './security-log'

const USAGE = `Usage: npm run staff:change -- --email EMAIL (--role ${ROLES.join('|')} | --disable | --enable | --sign-out-everywhere | --reset-2fa | --reset-password)
One change per run. The server sees it within a few seconds, on every instance.
--reset-2fa: two-factor is set up again at the next sign-in. --reset-password: prints a temporary
password once, good for one sign-in that ends by choosing a new one. Both sign the account out everywhere.`

const PROBLEMS: Record<string, string> = {
  'not-found': 'There is no staff account with that email.',
  'last-admin': 'That is the only active administrator. Give another account the admin role first.',
}

/** Reads exactly one change from the command line, or undefined (with the usage printed). */
function changeFrom(
  argv: readonly string[],
  err: (line: string) => void,
): { email: string; change: AccountChange } | undefined {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        disable: { type: 'boolean' },
        enable: { type: 'boolean' },
        'sign-out-everywhere': { type: 'boolean' },
        'reset-2fa': { type: 'boolean' },
        'reset-password': { type: 'boolean' },
      },
    }).values
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`)
    return undefined
  }
  const changes: AccountChange[] = []
  if (values.role !== undefined) {
    if (!isRole(values.role)) {
      err(`The role must be one of: ${ROLES.join(', ')}.`)
      return undefined
    }
    changes.push({ kind: 'role', role: values.role })
  }
  if (values.disable) changes.push({ kind: 'disable' })
  if (values.enable) changes.push({ kind: 'enable' })
  if (values['sign-out-everywhere']) changes.push({ kind: 'sign-out-everywhere' })
  if (values['reset-2fa']) changes.push({ kind: 'reset-two-factor' })
  // The hash is made once the rest is known to be right (staffChange).
  if (values['reset-password']) changes.push({ kind: 'reset-password', passwordHash: '' })
  const [change] = changes
  if (!values.email || !change || changes.length > 1) {
    err(USAGE)
    return undefined
  }
  return { email: values.email, change }
}

/**
 * `npm run staff:change`: the admin pages' account changes from the command line (role,
 * disable, enable, sign out everywhere, reset two-factor or password), for the first admin and for when none can sign in.
 * Recorded on the security log with no actor (the command line).
 */
export const staffChange: Command = async (argv, env, io, clock) => {
  const parsed = changeFrom(argv, io.err)
  if (!parsed) return USAGE_ERROR
  return withStore(env, io, clock, USAGE_ERROR, async (db, config) => {
    const account = await findAccountByEmail(db, parsed.email)
    if (!account) {
      io.err(PROBLEMS['not-found'] ?? '')
      return 1
    }
    const temporary = parsed.change.kind === 'reset-password' ? generatePassword() : undefined
    const change: AccountChange = temporary
      ? { kind: 'reset-password', passwordHash: await hashPassword(temporary) }
      : parsed.change
    const result = await changeAccount(db, account.id, change, null, clock())
    if (!result.ok) {
      io.err(PROBLEMS[result.problem] ?? result.problem)
      return 1
    }
    const after = result.account
    const status = after.disabledAt ? 'disabled' : 'active'
    io.out(`${result.changed ? 'Changed' : 'Unchanged'}: ${after.email} is ${after.role}, ${status}`)
    if (temporary) io.out(`Temporary password: ${temporary}`)
    if (result.changed) {
      cliSecurityEvents(config, io).record({
        type: 'staff-change',
        actorId: null,
        targetId: account.id,
        change: CHANGE_EVENT[parsed.change.kind],
      })
    }
    return 0
  })
}

if (require.main === module) runAsMain(staffChange, 'lines')

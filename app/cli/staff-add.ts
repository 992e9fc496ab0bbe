import { parseOptions, runAsMain, USAGE_ERROR, withStore, type Command } from './command'
import { createAccount } from '../staff/service/accounts'
import { generatePassword, MIN_PASSWORD_LENGTH } from '../staff/password'
import { ROLES } from '../staff/roles'
import { CREATED_EVENT } from '../staff/service/lifecycle'
import { cliSecurityEvents } from './security-log'

const USAGE = `Usage: npm run staff:add -- --email EMAIL --role ${ROLES.join('|')} [--password PASSWORD]
Without --password, a strong password is generated and printed once.`

const PROBLEMS: Record<string, string> = {
  email: 'That is not an email address.',
  role: `The role must be one of: ${ROLES.join(', ')}.`,
  'too-short': `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
  'too-long': 'The password must be 256 characters or fewer.',
  common: 'That password is too common. Choose a longer, less guessable one (or leave --password out).',
  exists: 'A staff account with that email already exists.',
}

/**
 * `npm run staff:add`: creates one staff account in the store the server would use
 * (DATABASE_URL, else the SQLite file in DATA_DIR), migrating it first. Returns the exit code.
 */
export const staffAdd: Command = async (argv, env, io, clock) => {
  const values = parseOptions(argv, ['email', 'password', 'role'], USAGE, io)
  if (!values) return USAGE_ERROR
  const { email, role } = values
  if (!email || !role) {
    io.err(USAGE)
    return USAGE_ERROR
  }
  const generated = values.password === undefined
  const password = values.password ?? generatePassword()
  return withStore(env, io, clock, USAGE_ERROR, async (db, config) => {
    const result = await createAccount(db, { email, password, role }, clock())
    if (!result.ok) {
      io.err(PROBLEMS[result.problem] ?? result.problem)
      return 1
    }
    io.out(`Created ${result.account.role} ${result.account.email} (id ${result.account.id})`)
    if (generated) io.out(`Password: ${password}`)
    // A new account is a staff change: on the security log by its id, done by the command line (no actor).
    cliSecurityEvents(config, io).record({
      type: 'staff-change',
      actorId: null,
      targetId: result.account.id,
      change: CREATED_EVENT,
    })
    return 0
  })
}

if (require.main === module) runAsMain(staffAdd, 'lines')

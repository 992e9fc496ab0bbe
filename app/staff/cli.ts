import { parseArgs } from 'node:util'
import { openDatabase } from '../bootstrap'
import { ConfigError, loadConfig } from '../config'
import { migrate } from '../store/migrate'
import { createAccount } from './accounts'
import { generatePassword, MIN_PASSWORD_LENGTH } from './password'
import { ROLES } from './roles'

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

export interface CliIo {
  out(line: string): void
  err(line: string): void
}

/**
 * `npm run staff:add`: creates one staff account in the store the server would use
 * (DATABASE_URL, else the SQLite file in DATA_DIR), migrating it first. Returns the exit code.
 */
export async function staffAdd(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  let values: { email?: string; password?: string; role?: string }
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } },
      strict: true,
    }))
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (!values.email || !values.role) {
    io.err(USAGE)
    return 2
  }
  const generated = values.password === undefined
  const password = values.password ?? generatePassword()
  let config
  try {
    config = loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message)
      return 2
    }
    throw error
  }
  const db = openDatabase(config)
  try {
    await migrate(db)
    const result = await createAccount(db, { email: values.email, password, role: values.role }, new Date())
    if (!result.ok) {
      io.err(PROBLEMS[result.problem] ?? result.problem)
      return 1
    }
    io.out(`Created ${result.account.role} ${result.account.email} (id ${result.account.id})`)
    if (generated) io.out(`Password: ${password}`)
    return 0
  } finally {
    await db.close()
  }
}

if (require.main === module) {
  staffAdd(process.argv.slice(2), process.env, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    },
  )
}

import { randomBytes } from 'node:crypto'
import { parseOptions, runAsMain, USAGE_ERROR, type CliIo, type Command } from './command'
import { apiKeysSchema, hashApiKey } from '../api/keys'
import { applicationById, applications } from '../applications/registry'

const USAGE = `Usage: npm run api-key:new -- --name NAME --applications ID[,ID…]
Applications: ${applications.map((a) => a.id).join(', ')}.
Prints a new key for the hand-over API once, and the entry to add to SUBMISSIONS_API_KEYS.`

/**
 * `npm run api-key:new`: makes a key for one service provider. The key is printed once and
 * never stored; the configuration holds only its SHA-256. To rotate, add the new entry next
 * to the old one (same name), restart, let the provider switch, then remove the old entry.
 */
export const apiKeyNew: Command = (argv, _env, io) => Promise.resolve(newKey(argv, io))

function newKey(argv: readonly string[], io: CliIo): number {
  const values = parseOptions(argv, ['name', 'applications'], USAGE, io)
  if (!values?.name || !values.applications) {
    io.err(USAGE)
    return USAGE_ERROR
  }
  const scope = values.applications.split(',').map((a) => a.trim())
  const unknown = scope.filter((a) => !applicationById(a))
  if (unknown.length > 0) {
    io.err(`Unknown application: ${unknown.join(', ')}\n${USAGE}`)
    return USAGE_ERROR
  }
  // 32 random bytes: far beyond guessing, and URL- and header-safe as base64url.
  const key = randomBytes(32).toString('base64url')
  const entry = { name: values.name, sha256: hashApiKey(key), applications: scope }
  const checked = apiKeysSchema.safeParse(JSON.stringify([entry]))
  if (!checked.success) {
    io.err(`The name must be lowercase letters, digits and hyphens (at most 40).\n${USAGE}`)
    return USAGE_ERROR
  }
  io.out(`Key for ${entry.name} (give it to the provider; it is not shown again):`)
  io.out(key)
  io.out('Add this entry to the SUBMISSIONS_API_KEYS array:')
  io.out(JSON.stringify(entry))
  return 0
}

if (require.main === module) runAsMain(apiKeyNew, 'lines')

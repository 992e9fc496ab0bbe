import type { Config } from '../config'
import { createLogger } from '../logger'
import { securityEvents, type SecurityEvents } from '../security/events'
import type { CliIo } from './command'

/**
 * Security events from a command line (an account created, an API key issued or revoked),
 * written as the server writes them (app/security/events.ts): one JSON line each, on the
 * command's standard output, at the configured LOG_LEVEL. There is no request, so no
 * `requestId` or `source`.
 */
export function cliSecurityEvents(config: Config, io: CliIo): SecurityEvents {
  const logger = createLogger(config.logLevel, { write: (line: string) => io.out(line.trimEnd()) })
  return securityEvents(logger, config.sessionSecret)
}

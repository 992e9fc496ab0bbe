import { createHmac } from 'node:crypto'
import type { Logger } from '../logger'

/**
 * Security events: one structured log line each, for whoever watches the service (see
 * docs/deployment.md, "Security events"). They carry no personal data: no email address,
 * name, reference, token, IP address or answer. Who is named only by internal ids (a staff
 * account's id, an API key's name); where a request came from only by `source`, a keyed
 * hash of the client address that groups one sender's events without holding its address.
 * Fields are closed unions, so nothing free-form (and so nothing personal) can be passed.
 */
export type SecurityEvent =
  | { type: 'sign-in-success'; staffId: string }
  | {
      type: 'sign-in-failure'
      staffId?: string
      reason: 'wrong-password' | 'unknown-account' | 'second-factor' | 'disabled'
    }
  /** Sign-in refused because an account (or an address) has failed too often. */
  | { type: 'lock-out'; limit: string; staffId?: string }
  | { type: 'csrf-failure'; method: string; route: string }
  | { type: 'rate-limit-refused'; limit: string; route: string }
  | { type: 'api-read'; key: string; route: string; items: number }
  | {
      type: 'api-refused'
      key?: string
      route: string
      reason: 'no-key' | 'unknown-key' | 'out-of-scope' | 'throttled'
    }
  | { type: 'staff-change'; actorId: string | null; targetId: string; change: string }
  /** A staff session ended by the store's say (disabled, signed out everywhere, removed) or its absolute lifetime. */
  | { type: 'staff-session-ended'; staffId: string; reason: 'gone' | 'disabled' | 'signed-out-everywhere' | 'expired' }
  | { type: 'resume-link-used'; route: string }
  | { type: 'resume-link-refused'; route: string }
  | { type: 'draft-link-sent'; route: string }
  /** A plan kept by email (issue 15), its link refused (unknown, stopped or expired: one event for all), or stopped. */
  | { type: 'plan-kept'; route: string }
  | { type: 'kept-plan-refused'; route: string }
  | { type: 'kept-plan-stopped'; route: string }

export type SecurityEventType = SecurityEvent['type']

/** Where the event happened: the request id (matches the request log) and the client address, hashed here. */
export interface SecurityContext {
  requestId?: string
  ip?: string
}

export interface SecurityEvents {
  record(event: SecurityEvent, context?: SecurityContext): void
}

const WARN: ReadonlySet<SecurityEventType> = new Set([
  'sign-in-failure',
  'lock-out',
  'csrf-failure',
  'rate-limit-refused',
  'api-refused',
  'resume-link-refused',
  'kept-plan-refused',
])

/**
 * `secret` keys the source hash, so the same address gives the same `source` on every
 * instance (they share SESSION_SECRET) and nobody without the secret can test an address
 * against the log. Successes are `info`, failures and refusals `warn`.
 */
export function securityEvents(logger: Logger, secret: string): SecurityEvents {
  const key = createHmac('sha256', secret).update('security-event-source').digest()
  const log = logger.child({ log: 'security' })
  return {
    record(event, context = {}) {
      const { type, ...fields } = event
      const source = context.ip
        ? createHmac('sha256', key).update(context.ip).digest('base64url').slice(0, 12)
        : undefined
      const line = { event: type, ...fields, requestId: context.requestId, source }
      if (WARN.has(type)) log.warn(line, 'security event')
      else log.info(line, 'security event')
    },
  }
}

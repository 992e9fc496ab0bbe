import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../store/db'

/**
 * One line of the audit trail. Deliberately nothing personal beyond the reference: the
 * trail is read by auditors and exported, so it says who did what to which application,
 * never what the citizen answered.
 */
/** How a citizen's work was done: by the citizen online, or by staff on their behalf. */
export const CHANNELS = ['online', 'assisted'] as const
export type Channel = (typeof CHANNELS)[number]

export interface AuditEvent {
  at: string
  /** A provider is a hand-over API key, named by `actorId`. */
  actorType: 'citizen' | 'staff' | 'provider'
  actorId?: string | null
  /** Verb in kebab-case: `application-submitted`, `draft-saved`, `staff-sign-in`. */
  action: string
  reference?: string | null
  channel: Channel
}

/** Takes a Queryable so it can join the caller's transaction (submit writes it with the submission). */
export async function recordAudit(q: Queryable, event: AuditEvent): Promise<void> {
  await q.run(
    'INSERT INTO audit_events (id, at, actor_type, actor_id, action, reference, channel) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [
      randomUUID(),
      event.at,
      event.actorType,
      event.actorId ?? null,
      event.action,
      event.reference ?? null,
      event.channel,
    ],
  )
}

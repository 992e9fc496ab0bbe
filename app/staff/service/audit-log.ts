import { recordAudit } from '../../audit/service/record'
import type { Queryable } from '../../store/db'

/** The staff actions on the trail. Applications add their own (`application-submitted`, …). */
export const STAFF_ACTIONS = [
  'staff-sign-in',
  'staff-sign-out',
  'assisted-start',
  'assisted-resume',
  'assisted-finish',
  'cases-viewed',
  'case-continued',
  'case-relabelled',
  'handover-plan',
  'handover-application',
  'audit-viewed',
  'audit-exported',
  'staff-created',
  'staff-role-changed',
  'staff-disabled',
  'staff-enabled',
  'staff-signed-out-everywhere',
  'staff-two-factor-reset',
  'staff-password-reset',
  'staff-password-changed',
  'staff-recovery-codes-renewed',
] as const
export type StaffAction = (typeof STAFF_ACTIONS)[number]

/** A staff action: who (staff id), what, when, and at most a reference — nothing about the citizen. */
export function staffAudit(q: Queryable, staffId: string, action: StaffAction, now: Date, reference?: string) {
  return recordAudit(q, {
    at: now.toISOString(),
    actorType: 'staff',
    actorId: staffId,
    action,
    reference: reference ?? null,
    channel: 'assisted',
  })
}

export const ROLES = ['adviser', 'auditor', 'admin', 'owner'] as const

/**
 * adviser: helps citizens (start, resume, own cases). auditor: reads the audit trail.
 * admin: everything, and the only role that exports the trail. owner: a service owner, who
 * reads the performance page (counts only, never a citizen's answers).
 */
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Who may help a citizen: the roles that see citizens' answers. */
export const HELPERS: readonly Role[] = ['adviser', 'admin']
export const AUDIT_READERS: readonly Role[] = ['auditor', 'admin']
export const AUDIT_EXPORTERS: readonly Role[] = ['admin']
/** Who creates, disables and changes staff accounts. */
export const ACCOUNT_MANAGERS: readonly Role[] = ['admin']
/** Who reads the performance page and its exports (app/insights). */
export const PERFORMANCE_READERS: readonly Role[] = ['owner', 'admin']
export const EVERY_ROLE: readonly Role[] = [...ROLES]

/** Who is signed in, as kept in the session. Enough to guard routes without a database read. */
export interface StaffIdentity {
  id: string
  email: string
  role: Role
}

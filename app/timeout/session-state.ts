// Rules about what a session holds, not how sessions are stored: any object of the session's fields.

/**
 * Keys that do not make a session worth warning about: the cookie itself, the language, and
 * when the store last wrote it (app/middleware/session-renewal.ts).
 */
const BOOKKEEPING = new Set(['cookie', 'lang', 'renewedAt'])

/**
 * Whether the session holds anything the citizen would lose when it ends: answers, a draft,
 * or a form's CSRF token (they may be typing into that form right now).
 */
export function sessionHoldsWork(session: object | undefined): boolean {
  if (!session) return false
  return Object.keys(session).some((key) => !BOOKKEEPING.has(key))
}

/** Whether the session links to an application draft, which is kept when the session ends. */
export function sessionHasDraft(session: object | undefined): boolean {
  const applications = (session as { applications?: unknown } | undefined)?.applications
  return Boolean(applications && typeof applications === 'object' && Object.keys(applications).length > 0)
}

/**
 * Whether the session is stored at all: it holds something beyond its cookie settings. A
 * visitor who has only read pages has no stored session, and reading must not make one.
 */
export function sessionStored(session: object | undefined): boolean {
  return Boolean(session) && Object.keys(session ?? {}).some((key) => key !== 'cookie')
}

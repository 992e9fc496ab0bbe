import type { Request } from 'express'
import type { SessionData } from 'express-session'

/**
 * A new session id holding only what is carried over (the signed-in member of staff and the
 * language). Everything else — triage answers, draft ids, the assisted context, CSRF
 * token — is left behind in the old session, which the store deletes.
 */
export function freshSession(req: Request, keep: Pick<SessionData, 'staff' | 'lang'>): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err: unknown) => {
      if (err) return reject(err instanceof Error ? err : new Error(String(err)))
      if (keep.staff) req.session.staff = keep.staff
      if (keep.lang) req.session.lang = keep.lang
      resolve()
    })
  })
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.save((err: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()))
  })
}

export function destroySession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.destroy((err: unknown) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
    )
  })
}

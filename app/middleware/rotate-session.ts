import type { Request } from 'express'

/**
 * A new session id with everything the session held carried over: the old id (which
 * someone may have seen or planted) is worth nothing afterwards, while the citizen loses
 * nothing. Used when a draft is attached to a browser (a link used, an adviser's resume).
 */
export function rotateSessionId(req: Request): Promise<void> {
  const { cookie: _cookie, ...data } = req.session as unknown as Record<string, unknown>
  return new Promise((resolve, reject) => {
    req.session.regenerate((error: unknown) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)))
      Object.assign(req.session, data)
      resolve()
    })
  })
}

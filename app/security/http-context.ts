import type { Request, Response } from 'express'
import type { SecurityContext } from './events'

/** The request id and client address of a request, for a security event. */
export function securityContext(req: Request, res: Response): SecurityContext {
  return { requestId: typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined, ip: req.ip }
}

/**
 * The route pattern (`/apply/:app/save`), never the path as requested: a path can hold a
 * resume token or a reference, which no log line may carry.
 */
export function routeOf(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path
  return typeof pattern === 'string' ? req.baseUrl + pattern : 'unmatched'
}

/**
 * The path with anything that could be a token, reference or id replaced by `:value`:
 * the check runs before routing, so there is no route pattern yet.
 */
export function pathShape(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[a-z-]{1,40}$/.test(segment) || segment === '' ? segment : ':value'))
    .join('/')
}

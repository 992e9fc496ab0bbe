import { randomUUID } from 'node:crypto'
import type { RequestHandler } from 'express'
import type { Logger } from '../logger'
import { pathShape, routeOf } from '../security/http-context'

/**
 * Gives every request an id (echoed as `X-Request-Id` so a citizen's "reference for
 * support" can be matched to a log line) and logs one line when it ends. Only the route
 * pattern is logged (`/apply/resume/:token`), or for a request no route matched the path
 * with every segment that could be a token, reference or id masked: paths carry resume
 * tokens and references, and query strings, bodies and cookies personal data.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = randomUUID()
    res.locals.requestId = id
    res.setHeader('X-Request-Id', id)
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      logger.info(
        {
          requestId: id,
          method: req.method,
          path: routeOf(req) === 'unmatched' ? pathShape(req.path) : routeOf(req),
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      )
    })
    next()
  }
}

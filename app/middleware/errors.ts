import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from '../logger'
import { routeOf } from '../security/http-context'
import { translator } from '../i18n/translate'
import { isLocale } from '../i18n/locales'
import { OUTAGE_RETRY_AFTER_SECONDS } from '../retry-after'
import { DatabaseUnavailableError } from '../store/db'
import { HttpError } from './http-error'
import { RedisUnavailableError } from '../store/redis-client'

/** The error's kind and its cause's message, enough to tell which store went away. */
function outageSummary(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error instanceof Error ? error.message : 'unavailable'}${cause}`
}

export const notFound: RequestHandler = (_req, _res, next) => {
  next(new HttpError(404, 'not-found'))
}

interface ClientError {
  type?: string
  status?: number
  expose?: boolean
  name?: string
}

/**
 * Body-parser and http-errors mark problems with the request itself with a 4xx `status`
 * and `expose`, the router an undecodable path with a 400 URIError; everything else is
 * ours and becomes a 500.
 */
function classify(error: unknown): HttpError {
  if (error instanceof HttpError) return error
  const client = error as ClientError
  if (client?.type === 'entity.too.large') return new HttpError(413, 'too-large')
  if (client?.expose && client.status && client.status >= 400 && client.status < 500)
    return new HttpError(400, 'bad-request')
  // The router cannot decode a path parameter such as `/apply/%E0%A4%A`: the address is
  // malformed, which is the client's doing. The router marks it 400 but not `expose`.
  if (client?.name === 'URIError' && client.status === 400) return new HttpError(400, 'bad-request')
  // An outage, not a bug: the same "try again later" page, but 503 so that load balancers
  // and monitoring see the service as unavailable rather than broken.
  if (error instanceof DatabaseUnavailableError || error instanceof RedisUnavailableError)
    return new HttpError(503, 'problem')
  return new HttpError(500, 'problem')
}

/**
 * The last handler. Every failure becomes a GOV.UK error page in the citizen's language;
 * the detail goes to the log with the request id, never into the response.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const http = classify(error)
    // An outage is logged in one line without a stack (it is not a bug, and there may be
    // thousands); anything else with its stack. Routes, never paths: a path can hold a token.
    if (http.status === 503)
      logger.warn(
        { err: outageSummary(error), requestId: res.locals.requestId, route: routeOf(req) },
        'request failed: store unavailable',
      )
    else if (http.status >= 500)
      logger.error({ err: error, requestId: res.locals.requestId, route: routeOf(req) }, 'request failed')
    if (res.headersSent) {
      res.end()
      return
    }
    const lang = isLocale(res.locals.locale) ? res.locals.locale : 'en'
    res.locals.t ??= translator(lang)
    res.locals.locale ??= lang
    res.locals.htmlLang ??= lang
    res.status(http.status)
    res.setHeader('Cache-Control', 'no-store')
    if (http.status === 503) res.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS))
    res.render(
      'pages/content.njk',
      { copy: `errors.${http.page}`, status: http.status },
      (renderError: Error | null, html?: string) => {
        if (renderError) {
          logger.error({ err: renderError, requestId: res.locals.requestId }, 'error page failed to render')
          res.type('text/plain').send('Sorry, there is a problem with the service. Try again later.')
          return
        }
        res.type('html').send(html)
      },
    )
  }
}

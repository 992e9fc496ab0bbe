import type { IncomingHttpHeaders } from 'node:http'
import type autocannon from 'autocannon'

type Step = autocannon.Request
interface Context {
  cookie?: string
  csrf?: string
}

/** Keeps the session cookie and the last form's CSRF token, as a browser would. */
function remember(_status: number, body: string, raw: object, headers: IncomingHttpHeaders | undefined): void {
  const context = raw as Context
  const setCookie = headers?.['set-cookie']
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie
  if (typeof first === 'string') context.cookie = first.split(';')[0]
  const csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1]
  if (csrf) context.csrf = csrf
}

function get(path: string): Step {
  return {
    method: 'GET',
    path,
    setupRequest: (request, context) => ({
      ...request,
      headers: { ...request.headers, cookie: (context as Context).cookie ?? '' },
    }),
    onResponse: remember,
  }
}

/**
 * One citizen's visit, step by step; autocannon starts each connection's loop afresh (new
 * context, so a new session) once the last step is done. Steps that write the session make
 * the comparison between the two session stores meaningful.
 */
export function journey(): Step[] {
  return [get('/?lang=cy'), get('/'), get('/?lang=en'), get('/accessibility-statement'), get('/')]
}

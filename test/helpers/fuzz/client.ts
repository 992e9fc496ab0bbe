import { CookieJar } from '../cookie-jar'

/**
 * A cookie-keeping client for the fuzzer that can send anything: any method, any content
 * type, a body that is not valid urlencoding. Redirects are not followed. It keeps the
 * CSRF token of the last page that carried one, as a browser's open form would.
 */
export interface FuzzReply {
  status: number
  location: string | undefined
  type: string
  text: string
}

export interface RawRequest {
  method: string
  url: string
  body?: string
  contentType?: string
  headers?: Record<string, string>
}

export class FuzzClient {
  private readonly cookies = new CookieJar()
  token: string | undefined

  constructor(private readonly origin: string) {}

  async send(request: RawRequest): Promise<FuzzReply> {
    const headers: Record<string, string> = { ...request.headers }
    const cookie = this.cookies.header()
    if (cookie) headers.cookie = cookie
    if (request.contentType) headers['content-type'] = request.contentType
    const response = await fetch(new URL(request.url, this.origin), {
      method: request.method,
      headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(20_000),
    })
    this.cookies.remember(response.headers.getSetCookie())
    const text = await response.text()
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1]
    if (token) this.token = token
    return {
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      type: response.headers.get('content-type') ?? '',
      text,
    }
  }

  get(url: string): Promise<FuzzReply> {
    return this.send({ method: 'GET', url })
  }

  /** A form post as a browser sends it, with the current CSRF token first. */
  post(url: string, form: Readonly<Record<string, string | readonly string[]>>): Promise<FuzzReply> {
    const body = new URLSearchParams()
    if (this.token) body.append('_csrf', this.token)
    for (const [key, value] of Object.entries(form))
      for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
    return this.send({
      method: 'POST',
      url,
      body: body.toString(),
      contentType: 'application/x-www-form-urlencoded',
    })
  }
}

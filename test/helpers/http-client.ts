import { CookieJar } from './cookie-jar'

/**
 * A cookie-keeping HTTP client over `fetch`, for tests against real processes (supertest
 * only reaches an in-process app). Like a browser without JavaScript: it keeps cookies,
 * sends the form's CSRF token, and does not follow redirects unless asked, so a test
 * can point each request at a different instance.
 */
export interface Reply {
  status: number
  location: string | undefined
  text: string
  retryAfter: string | undefined
}

export class CookieClient {
  private readonly cookies = new CookieJar()
  private lastHtml = ''

  private async send(url: string, init: RequestInit): Promise<Reply> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookies.header() },
      signal: AbortSignal.timeout(15_000),
    })
    this.cookies.remember(response.headers.getSetCookie())
    const text = await response.text()
    if ((response.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = text
    return {
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      text,
      retryAfter: response.headers.get('retry-after') ?? undefined,
    }
  }

  get(url: string): Promise<Reply> {
    return this.send(url, { method: 'GET' })
  }

  /** The CSRF token of the last page loaded, as a browser would submit it. */
  csrfToken(): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)
    if (!match?.[1]) throw new Error('No CSRF token on the last page')
    return match[1]
  }

  post(url: string, form: Record<string, string | readonly string[]>, token = this.csrfToken()): Promise<Reply> {
    const body = new URLSearchParams({ _csrf: token })
    for (const [key, value] of Object.entries(form))
      for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    })
  }
}

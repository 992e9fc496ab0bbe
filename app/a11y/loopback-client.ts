import type { ReplayResponse, StepClient } from './replay'

/**
 * A client that sends requests to this same server over loopback, starting from the
 * browser's own cookies and keeping every cookie the server sets, so replayed steps land in
 * the citizen's (or auditor's) session. `setCookies()` gives the headers to pass back.
 */
export class LoopbackClient implements StepClient {
  private readonly jar = new Map<string, string>()
  private readonly raw = new Map<string, string>()

  constructor(
    private readonly origin: string,
    cookieHeader: string | undefined,
    private readonly extraHeaders: Record<string, string> = {},
  ) {
    for (const part of (cookieHeader ?? '').split(';')) {
      const eq = part.indexOf('=')
      if (eq > 0) this.jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
    }
  }

  /** The Set-Cookie headers the server sent during replay, the latest for each name. */
  setCookies(): string[] {
    return [...this.raw.values()]
  }

  get(url: string): Promise<ReplayResponse> {
    return this.send('GET', url)
  }

  post(url: string, body: URLSearchParams): Promise<ReplayResponse> {
    return this.send('POST', url, body)
  }

  private async send(method: string, url: string, body?: URLSearchParams, hops = 0): Promise<ReplayResponse> {
    const response = await fetch(new URL(url, this.origin), {
      method,
      redirect: 'manual',
      headers: {
        ...this.extraHeaders,
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: body?.toString(),
    })
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(';', 1)[0] ?? ''
      const eq = pair.indexOf('=')
      if (eq <= 0) continue
      const name = pair.slice(0, eq).trim()
      this.jar.set(name, pair.slice(eq + 1).trim())
      this.raw.set(name, header)
    }
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location && hops < 10) {
      await response.arrayBuffer()
      return this.send('GET', location, undefined, hops + 1)
    }
    return { url, status: response.status, html: await response.text() }
  }
}

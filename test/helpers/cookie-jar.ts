/**
 * The cookies a browser would keep for one site, for the test clients that speak HTTP
 * themselves (over fetch or a raw socket) rather than through supertest's agent.
 * Attributes (Path, Expires, HttpOnly…) are ignored: every test talks to one origin.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>()

  /** Keeps the name=value pair of each `Set-Cookie` line. */
  remember(setCookieLines: Iterable<string>): void {
    for (const line of setCookieLines) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
    }
  }

  /** The `Cookie` request header, or '' when there is nothing to send. */
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }
}

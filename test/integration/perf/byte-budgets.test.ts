import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { pageStates } from '../../../app/triage/page-states'
import { createTestApp, csrfFrom, type TestApp } from '../../helpers/app'
import { CookieJar } from '../../helpers/cookie-jar'
import { availableDictionary, decodeDcz, dictionaryUrlIn } from '../../helpers/dcz'
import { rawRequest } from '../../helpers/raw-http'

/**
 * Bytes do not vary with machine load, so the page-weight budgets are checked here on
 * every run, against what the server actually sends over a socket to a browser that
 * accepts Brotli and gzip: status line, headers and body as encoded. (`npm run bench`
 * measures the same in Chromium.) A first visit is the page plus everything it makes a
 * browser fetch: stylesheets, scripts and the modules they import, the web fonts (WOFF2:
 * every browser that runs the page's scripts prefers it over WOFF) and images its
 * stylesheet points at, and its favicons. Not counted: the apple-touch icon, mask icon
 * and web manifest, which browsers fetch only to pin or install the site.
 */
const KB = 1024
const ACCEPT = 'br, gzip'

interface Sent {
  status: number
  headers: http.IncomingHttpHeaders
  /** Status line, headers and body, as on the wire. */
  bytes: number
  /** The body decoded, for reading links and tokens. */
  text: string
}

class Client {
  private readonly cookies = new CookieJar()
  private lastHtml = ''
  /** The page dictionary, once fetched: then the client says so and accepts `dcz`, as Chromium does. */
  private dictionary: { bytes: Buffer; available: string } | undefined

  constructor(private readonly port: number) {}

  /** Fetches the compression dictionary a page links (a browser does when idle after its first page). */
  async holdDictionary(html: string): Promise<Sent> {
    const url = dictionaryUrlIn(html)
    if (!url) throw new Error('The page links no compression dictionary')
    const sent = await this.get(url)
    const bytes = Buffer.from(sent.text, 'utf8')
    this.dictionary = { bytes, available: availableDictionary(bytes) }
    return sent
  }

  async request(method: string, path: string, body?: string): Promise<Sent> {
    const headers: http.OutgoingHttpHeaders = { 'accept-encoding': ACCEPT, accept: 'text/html' }
    if (this.dictionary) {
      headers['accept-encoding'] = `${ACCEPT}, dcz`
      headers['available-dictionary'] = this.dictionary.available
    }
    const cookie = this.cookies.header()
    if (cookie) headers.cookie = cookie
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded'
    const reply = await rawRequest(this.port, method, path, headers, body)
    let head = `HTTP/1.1 ${reply.status} ${reply.statusMessage}\r\n`
    for (let i = 0; i < reply.rawHeaders.length; i += 2)
      head += `${reply.rawHeaders[i]}: ${reply.rawHeaders[i + 1]}\r\n`
    head += '\r\n'
    this.cookies.remember(reply.headers['set-cookie'] ?? [])
    const encoding = reply.headers['content-encoding']
    const raw = reply.body
    const text =
      encoding === 'dcz' && this.dictionary
        ? decodeDcz(raw, this.dictionary.bytes)
        : (encoding === 'br'
            ? zlib.brotliDecompressSync(raw)
            : encoding === 'gzip'
              ? zlib.gunzipSync(raw)
              : raw
          ).toString('utf8')
    if (String(reply.headers['content-type']).startsWith('text/html') && !String(reply.status).startsWith('3'))
      this.lastHtml = text
    return { status: reply.status, headers: reply.headers, bytes: Buffer.byteLength(head) + raw.length, text }
  }

  get(path: string): Promise<Sent> {
    return this.request('GET', path)
  }

  post(path: string, form: Record<string, string | readonly string[]>): Promise<Sent> {
    const body = new URLSearchParams({ _csrf: csrfFrom(this.lastHtml) })
    for (const [key, value] of Object.entries(form))
      for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
    return this.request('POST', path, body.toString())
  }
}

/** The assets a browser fetches for a page (see the comment at the top), each once. */
async function firstVisitAssets(client: Client, html: string): Promise<Map<string, Sent>> {
  const fetched = new Map<string, Sent>()
  const queue: string[] = []
  const tags = html.match(/<(?:link|script)\b[^>]*>/g) ?? []
  for (const tag of tags) {
    const url = /\b(?:href|src)="(\/assets\/[^"]+)"/.exec(tag)?.[1]
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1]
    if (
      url &&
      (tag.startsWith('<script') || rel === 'stylesheet' || rel === 'icon' || rel === 'compression-dictionary')
    )
      queue.push(url)
  }
  while (queue.length > 0) {
    const url = queue.shift() as string
    if (fetched.has(url)) continue
    const sent = await client.get(url)
    expect([url, sent.status]).toEqual([url, 200])
    fetched.set(url, sent)
    if (url.endsWith('.mjs')) {
      for (const m of sent.text.matchAll(/(?:from|import)\s*\(?\s*['"](\/assets\/[^'"]+)['"]/g))
        queue.push(m[1] as string)
    } else if (url.endsWith('.css')) {
      for (const m of sent.text.matchAll(/url\(\s*["']?(\/assets\/[^"')]+)["']?\s*\)/g)) {
        const ref = m[1] as string
        if (!ref.endsWith('.woff')) queue.push(ref)
      }
    }
  }
  return fetched
}

/** The first question of the first outcome: a first visit from a link straight to the service. */
const firstUrl = pageStates().find(
  (s) =>
    s.steps.length === 1 &&
    s.id.startsWith('triage/') &&
    s.id !== 'triage/start' &&
    s.expectStatus === 200 &&
    (s.steps[0] as { get: string }).get.startsWith('/outcomes/'),
)?.steps[0] as { get: string } | undefined

// These walk every citizen page state (hundreds of requests): their subject is bytes, not
// time, so they get room for a loaded 2-core machine instead of Jest's 30 seconds.
const WALK_TIMEOUT_MS = 600_000

describe.each([
  ['govuk', 100, true],
  ['organisation', 40, false],
] as const)('page weight with BRAND=%s, as sent', (brand, budgetKb, fonts) => {
  let testApp: TestApp
  let server: http.Server
  let port = 0
  beforeAll(async () => {
    testApp = await createTestApp({ BRAND: brand })
    server = testApp.app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await testApp.close()
  })

  it(`keeps the first visit to a question page, everything it fetches, within ${budgetKb} KB`, async () => {
    const client = new Client(port)
    expect(firstUrl?.get).toMatch(/^\/outcomes\/[\w-]+\/[\w-]+$/)
    const page = await client.get(firstUrl?.get ?? '')
    expect(page.status).toBe(200)
    const assets = await firstVisitAssets(client, page.text)
    const kinds = [...assets.keys()].map((u) => u.split('.').pop())
    expect(kinds).toEqual(expect.arrayContaining(['css', 'mjs', 'svg']))
    expect(kinds.includes('woff2')).toBe(fonts)
    for (const [url, sent] of assets) {
      // Every text asset goes compressed (pre-compressed at build), every one is cached for good.
      if (/\.(css|mjs|svg|txt)$/.test(url)) expect([url, sent.headers['content-encoding']]).toEqual([url, 'br'])
      if (/-[0-9a-f]{10}(-v\d+)?\./.test(url)) expect(sent.headers['cache-control']).toContain('immutable')
    }
    const total = page.bytes + [...assets.values()].reduce((sum, s) => sum + s.bytes, 0)
    expect(total).toBeLessThanOrEqual(budgetKb * KB)
  })

  const kindOf = (id: string) => (id.endsWith('/error') ? 'error' : /\/plan(\/|$)/.test(id) ? 'plan' : 'question')

  /** Every citizen page state's last response, as sent to a client set up by `prepare`. */
  async function furtherPages(prepare: (client: Client) => Promise<void>) {
    const sent: { id: string; kind: ReturnType<typeof kindOf>; last: Sent }[] = []
    for (const state of pageStates().filter((s) => !s.staffRole)) {
      const client = new Client(port)
      await prepare(client)
      let last: Sent | undefined
      for (const step of state.steps)
        last = 'get' in step ? await client.get(step.get) : await client.post(step.post, step.form)
      if (last?.headers['content-type']?.startsWith('text/html'))
        sent.push({ id: state.id, kind: kindOf(state.id), last })
    }
    for (const kind of ['question', 'error', 'plan'] as const)
      expect(sent.filter((p) => p.kind === kind).length).toBeGreaterThan(3)
    return sent
  }

  // The budget: 6 KB for every further page, HTML only, headers included. A further
  // page is one a browser reaches after its first, so it holds the page dictionary the first
  // page linked (as the first-visit check above fetches it).
  it(
    'keeps every further page within 6 KB, headers included, sent as dcz',
    async () => {
      const sent = await furtherPages(async (client) => {
        await client.holdDictionary((await client.get('/')).text)
      })
      const over = sent.filter((p) => p.last.bytes > 6 * KB).map((p) => [p.id, p.last.bytes])
      expect(over).toEqual([])
      const notDcz = sent.filter((p) => p.last.headers['content-encoding'] !== 'dcz').map((p) => p.id)
      expect(notDcz).toEqual([])
    },
    WALK_TIMEOUT_MS,
  )

  // A browser without dictionary support (or before it has fetched it) gets gzip or Brotli.
  // Question pages still fit 6 KB; error pages and plans (the longest pages, up to a dozen
  // services) do not, and these ceilings — today's sizes with a little room — keep them
  // from growing unnoticed.
  it(
    'keeps further pages without the dictionary within 6 KB (questions), 6.5 KB (errors) and 9 KB (plans)',
    async () => {
      const budgets = { question: 6 * KB, error: 6.5 * KB, plan: 9 * KB }
      const sent = await furtherPages(async () => {})
      const over = sent.filter((p) => p.last.bytes > budgets[p.kind]).map((p) => [p.id, p.last.bytes])
      expect(over).toEqual([])
    },
    WALK_TIMEOUT_MS,
  )
})

import http from 'node:http'
import zlib from 'node:zlib'
import request from 'supertest'
import { createTestApp, csrfFrom, type TestApp } from '../../helpers/app'
import { serve } from '../../helpers/browser'
import { CookieJar } from '../../helpers/cookie-jar'
import { availableDictionary, decodeDcz, dictionaryUrlIn } from '../../helpers/dcz'
import { rawRequest } from '../../helpers/raw-http'

let t: TestApp
let served: Awaited<ReturnType<typeof serve>> | undefined
let port = 0
beforeAll(async () => {
  t = await createTestApp()
  served = await serve(t.app)
  port = Number(new URL(served.origin).port)
})
afterAll(async () => {
  await served?.close()
  await t.close()
})

const send = (method: string, path: string, headers: http.OutgoingHttpHeaders = {}, body?: string) =>
  rawRequest(port, method, path, headers, body)

/** The page with what changes per response (nonce, CSRF token, request id) blanked. */
const stable = (html: string) =>
  html.replace(/nonce="[^"]+"/g, 'nonce=""').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""')

async function dictionaryFor(lang: 'en' | 'cy'): Promise<Buffer> {
  const page = await send('GET', `/?lang=${lang}`)
  const url = dictionaryUrlIn(page.body.toString('utf8'))
  expect(url).toMatch(/^\/assets\/page-dictionary-[0-9a-f]{10}\.txt$/)
  return (await send('GET', url)).body
}

describe('the page dictionary (Compression Dictionary Transport)', () => {
  it('is linked from every page in its language and served as a long-lived dictionary for all pages', async () => {
    const english = dictionaryUrlIn((await send('GET', '/')).body.toString('utf8'))
    const welsh = dictionaryUrlIn((await send('GET', '/cookies?lang=cy')).body.toString('utf8'))
    expect(welsh).not.toBe(english)
    const plain = await send('GET', english)
    expect(plain.status).toBe(200)
    expect(plain.headers['use-as-dictionary']).toBe('match="/*", match-dest=("document")')
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(plain.body.toString('utf8')).toContain('govuk-footer')
    const br = await send('GET', english, { 'accept-encoding': 'br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body)).toEqual(plain.body)
    const head = await send('HEAD', english, { 'accept-encoding': 'br' })
    expect([head.status, head.body.length, head.headers['content-length']]).toEqual([200, 0, String(br.body.length)])
  })

  it('sends a browser holding it each page as dcz, the same page as without it, in a fraction of the bytes', async () => {
    const dictionary = await dictionaryFor('en')
    const jar = new CookieJar()
    const start = await send('GET', '/outcomes/work-in-care', { accept: 'text/html' })
    const question = String(start.headers.location)
    const plain = await send('GET', question)
    jar.remember(plain.headers['set-cookie'] ?? [])
    const cookie = jar.header()
    const gzip = await send('GET', question, { cookie, 'accept-encoding': 'br, gzip' })
    const holding = {
      cookie,
      'accept-encoding': 'br, gzip, dcb, dcz',
      'available-dictionary': availableDictionary(dictionary),
    }
    for (let i = 0; i < 2; i++) {
      // The second time the page comes from the render cache, spliced around this response's values.
      const dcz = await send('GET', question, holding)
      expect(dcz.headers['content-encoding']).toBe('dcz')
      expect(String(dcz.headers.vary)).toMatch(/Accept-Encoding, Available-Dictionary/)
      expect(stable(decodeDcz(dcz.body, dictionary))).toBe(stable(plain.body.toString('utf8')))
      expect(dcz.body.length * 3).toBeLessThan(gzip.body.length)
    }
    // An answer left out: the error page, also dcz, with the error summary.
    const token = csrfFrom(plain.body.toString('utf8'))
    const error = await send(
      'POST',
      question,
      { ...holding, 'content-type': 'application/x-www-form-urlencoded' },
      `_csrf=${encodeURIComponent(token)}`,
    )
    expect([error.status, error.headers['content-encoding']]).toEqual([400, 'dcz'])
    expect(decodeDcz(error.body, dictionary)).toContain('govuk-error-summary')
  })

  it('sends the not-found, refused-form and bad-request pages as dcz too, whole and readable', async () => {
    const dictionary = await dictionaryFor('en')
    const holding = { 'accept-encoding': 'gzip, dcz', 'available-dictionary': availableDictionary(dictionary) }
    const form = { ...holding, 'content-type': 'application/x-www-form-urlencoded' }
    for (const [method, path, headers, body, status] of [
      ['GET', '/no-such-page', holding, undefined, 404],
      ['POST', '/outcomes/work-in-care/nation', form, 'answer=x', 403],
      ['GET', '/apply/%E0%A4%A', holding, undefined, 400],
    ] as const) {
      const reply = await send(method, path, headers, body)
      expect([path, reply.status, reply.headers['content-encoding']]).toEqual([path, status, 'dcz'])
      expect(decodeDcz(reply.body, dictionary)).toMatch(/<\/html>\s*$/)
    }
  })

  it('is the same from every instance of one release, so any instance can answer a browser holding it', async () => {
    const other = await createTestApp()
    try {
      const theirs = await request(other.app).get('/cookies')
      const ours = (await send('GET', '/cookies')).body.toString('utf8')
      expect(dictionaryUrlIn(theirs.text)).toBe(dictionaryUrlIn(ours))
    } finally {
      await other.close()
    }
  })

  it('uses either language’s dictionary for a page in the other, and ignores one it did not make', async () => {
    const english = await dictionaryFor('en')
    const welshPage = await send('GET', '/cookies?lang=cy', {
      'accept-encoding': 'dcz',
      'available-dictionary': availableDictionary(english),
    })
    expect(welshPage.headers['content-encoding']).toBe('dcz')
    expect(decodeDcz(welshPage.body, english)).toContain('<html lang="cy"')
    const stale = await send('GET', '/cookies', {
      'accept-encoding': 'gzip, dcz',
      'available-dictionary': availableDictionary(Buffer.from('an older release’s dictionary')),
    })
    expect(stale.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(stale.body).toString('utf8')).toContain('govuk-template')
  })
})

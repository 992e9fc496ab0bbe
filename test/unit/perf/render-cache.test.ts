import zlib from 'node:zlib'
import fc from 'fast-check'
import nunjucks from 'nunjucks'
import { translator } from '../../../app/i18n/translate'
import { keyOf, RenderCache } from '../../../app/views/render-cache'
import { SplicedGzip } from '../../../app/views/spliced-gzip'
import { negotiate } from '../../../app/views/compression'

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([]), { autoescape: true })
const source =
  '<script nonce="{{ cspNonce }}"></script><p>{{ t("common.serviceName") }} {{ name }}</p>' +
  '{% if csrf %}<input name="_csrf" value="{{ csrfToken() }}">{% endif %}'
const template = nunjucks.compile(source, env)
const plain = (_name: string, context: Record<string, unknown>) => template.render(context)

function request(overrides: Record<string, unknown> = {}) {
  let tokenCalls = 0
  const context = {
    t: translator('en'),
    locale: 'en',
    cspNonce: `nonce${Math.random().toString(36).slice(2)}+/=`,
    csrfToken: () => {
      tokenCalls++
      return 'a1b2c3'
    },
    name: 'Sam',
    csrf: true,
    ...overrides,
  }
  return { context, calls: () => tokenCalls }
}

describe('render cache', () => {
  it('gives the same page as rendering, with each request’s own nonce and token', () => {
    const cache = new RenderCache(plain)
    for (let i = 0; i < 3; i++) {
      const { context, calls } = request()
      const page = cache.render('page', context)
      expect(page.html).toBe(plain('page', context))
      expect(calls()).toBeGreaterThan(0)
    }
    expect(cache.misses).toBe(1)
    expect(cache.hits).toBe(2)
  })

  it('asks for the CSRF token on a hit, so the token is still stored in the session', () => {
    const cache = new RenderCache(plain)
    cache.render('page', request().context)
    const { context, calls } = request()
    cache.render('page', context)
    expect(calls()).toBe(1)
    const noForm = request({ csrf: false })
    cache.render('page', noForm.context)
    cache.render('page', noForm.context)
    expect(noForm.calls()).toBe(0)
  })

  it('keeps pages for different inputs apart', () => {
    const cache = new RenderCache(plain)
    const a = cache.render('page', request({ name: 'Alex' }).context)
    const b = cache.render('page', request({ name: 'Bo' }).context)
    const cy = request({ locale: 'cy', t: translator('cy') }).context
    expect(a.html).toContain('Alex')
    expect(b.html).toContain('Bo')
    expect(cache.render('page', cy).html).toBe(plain('page', cy))
    expect(cache.misses).toBe(3)
  })

  it('renders without caching when an input cannot be keyed', () => {
    const cache = new RenderCache(plain)
    for (const overrides of [
      { name: () => 'Sam' },
      { name: new URL('https://example.com') },
      { t: (key: string) => key },
      { cspNonce: 'x"><script>' },
    ]) {
      const { context } = request(overrides)
      expect(cache.render('page', context).html).toBe(plain('page', context))
    }
    expect(cache.size).toBe(0)
    expect(cache.bypasses).toBe(4)
  })

  it('stays within its bounds, dropping the least recently used page', () => {
    const cache = new RenderCache(plain, { maxEntries: 2 })
    cache.render('page', request({ name: 'one' }).context)
    cache.render('page', request({ name: 'two' }).context)
    cache.render('page', request({ name: 'one' }).context)
    cache.render('page', request({ name: 'three' }).context)
    expect(cache.size).toBe(2)
    cache.render('page', request({ name: 'one' }).context)
    expect(cache.hits).toBe(2)
    cache.render('page', request({ name: 'two' }).context)
    expect(cache.misses).toBe(4)
  })

  it('gives a gzip body that inflates to exactly the page', () => {
    const cache = new RenderCache(plain)
    for (let i = 0; i < 2; i++) {
      const page = cache.render('page', request({ name: 'Siân ŵ'.repeat(200) }).context)
      expect(zlib.gunzipSync(page.gzip?.() ?? Buffer.alloc(0)).toString('utf8')).toBe(page.html)
    }
  })
})

describe('key of render inputs', () => {
  it('tells apart values that print alike', () => {
    const keys = [
      1,
      '1',
      true,
      'true',
      null,
      undefined,
      [1],
      { a: 1 },
      { a: '1' },
      new Date(0),
      new nunjucks.runtime.SafeString('<b>'),
    ]
    expect(new Set(keys.map((k) => keyOf(k))).size).toBe(keys.length)
  })

  it('refuses what it cannot stand for', () => {
    expect(keyOf({ a: [() => 1] })).toBeUndefined()
    expect(keyOf(new Map())).toBeUndefined()
    expect(keyOf(Symbol('s'))).toBeUndefined()
  })
})

describe('spliced gzip', () => {
  it('inflates to the pieces and values joined, for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 3000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.string({ maxLength: 200 }), { maxLength: 5 }),
        (parts, raw) => {
          const values = parts.slice(1).map((_, i) => raw[i] ?? '')
          const joined = parts.map((p, i) => p + (values[i] ?? '')).join('')
          const body = new SplicedGzip(parts).build(values)
          expect(zlib.gunzipSync(body).toString('utf8')).toBe(joined)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('refers back across values (repeated HTML), right for every layout of value lengths', () => {
    const html = fc.stringMatching(/^[<>a-z" =\n-]{0,400}$/)
    fc.assert(
      fc.property(
        fc.array(html, { minLength: 2, maxLength: 5 }),
        fc.array(fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }), { minLength: 1, maxLength: 3 }),
        (pieces, rounds) => {
          // The same literal text repeated, as a page's markup repeats, so matches reach across values.
          const parts = pieces.map((p) => p.repeat(3))
          const spliced = new SplicedGzip(parts)
          for (const raw of rounds) {
            const values = parts.slice(1).map((_, i) => raw[i] ?? '')
            const joined = parts.map((p, i) => p + (values[i] ?? '')).join('')
            expect(zlib.gunzipSync(spliced.build(values)).toString('utf8')).toBe(joined)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('content negotiation', () => {
  it('chooses Brotli, then gzip, and honours q=0', () => {
    expect(negotiate('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiate('gzip, deflate, br', true)).toBe('gzip')
    expect(negotiate('gzip;q=0, br')).toBe('br')
    expect(negotiate('br;q=0, gzip', false)).toBe('gzip')
    expect(negotiate('deflate')).toBe('identity')
    expect(negotiate(undefined)).toBe('identity')
    expect(negotiate('*')).toBe('gzip')
  })
})

describe('keys of render inputs', () => {
  it('makes a page given a function uncached, whatever the function', () => {
    expect(keyOf({ f: (x?: string) => x })).toBeUndefined()
    expect(keyOf(() => 1)).toBeUndefined()
  })

  it('keys a deep-frozen view as it is, once, and a view that can change afresh each time', () => {
    const frozen = Object.freeze({ steps: Object.freeze([Object.freeze({ title: 'a' })]) })
    const first = keyOf(frozen)
    expect(keyOf(frozen)).toBe(first)
    expect(first).toBe(keyOf({ steps: [{ title: 'a' }] }))
    // Frozen on the outside only: the inner object may change, and the key follows it.
    const inner = { title: 'a' }
    const shallow = Object.freeze({ steps: Object.freeze([inner]) })
    const before = keyOf(shallow)
    inner.title = 'b'
    expect(keyOf(shallow)).not.toBe(before)
    expect(keyOf(shallow)).toBe(keyOf({ steps: [{ title: 'b' }] }))
  })

  it('keys a large view by its content in a short text, frozen or not', () => {
    const view = (title: string) =>
      Object.freeze({ steps: Object.freeze(Array.from({ length: 200 }, (_, i) => Object.freeze({ title, i }))) })
    const key = keyOf(view('a')) ?? ''
    // Short, whatever the size of the view, so that a page's lookup does not cost its length.
    expect(key.length).toBeLessThan(100)
    // Another object with the same content has the same key; different content, another.
    expect(keyOf(view('a'))).toBe(key)
    expect(keyOf(view('b'))).not.toBe(key)
    expect(keyOf({ inner: view('a') })).toBe(keyOf({ inner: view('a') }))
    expect(keyOf({ inner: view('a') })).not.toBe(keyOf({ inner: view('b') }))
    // The same content not frozen (built afresh for each request) keys the same.
    expect(keyOf({ steps: Array.from({ length: 200 }, (_, i) => ({ title: 'a', i })) })).toBe(key)
  })
})

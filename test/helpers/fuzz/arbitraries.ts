import fc from 'fast-check'
import type { RawRequest } from './client'
import type { Form, Target } from './targets'

/**
 * Hostile values: any Unicode, control and bidi characters, markup and template syntax,
 * prototype keys, lengths either side of every limit the forms enforce, and a few
 * thousand characters at most: huge bodies are their own, rarer, kind of request.
 */
const LIMITS = [20, 21, 99, 100, 101, 254, 255, 1200, 1201, 5000]
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 4 },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom(
        '\u0000',
        '\u0007',
        '\u001b',
        '\u202e',
        '\u2028',
        '\ud800',
        '\udfff',
        '\ufeff',
        '\n',
        '\r',
        '\t',
        ' ',
        'a',
        '1',
        '<',
        '>',
        '"',
        "'",
        '&',
        '%',
        '+',
        '=',
      ),
      maxLength: 80,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      '{{ 7*7 }}',
      '{% raw %}',
      '${7*7}',
      '__proto__',
      'constructor',
      'toString',
      "'; DROP TABLE application_drafts; --",
      '../../../../etc/passwd',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '2024-02-30',
      '-1',
      '1e309',
      'NaN',
      '0x10',
      '\u0661\u0662',
      'SW1A 1AA',
      'QQ123456C',
      'a@b.co',
      'yes',
      'no',
    ),
    weight: 4,
  },
  {
    arbitrary: fc.constantFrom(...LIMITS).chain((n) => fc.constantFrom('x', 'é', '😀', '1').map((c) => c.repeat(n))),
    weight: 2,
  },
  { arbitrary: fc.integer().map(String), weight: 2 },
)

const hostileValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: fc.array(hostileString, { maxLength: 4 }), weight: 1 },
)

/** A field name: one the form has, a prototype key, or junk. */
const nameFor = (target: Target) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...target.names, 'action', 'lang', 'change', 'returnTo'), weight: 6 },
    {
      arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', '_csrf', 'a[b]', 'x.y'),
      weight: 1,
    },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  )

/** A value for a name: one the page offers (so validation is passed and data stored), or hostile. */
const valueFor = (target: Target, name: string) => {
  const offered = Object.hasOwn(target.options, name) ? (target.options[name] ?? []) : []
  return offered.length ? fc.oneof(fc.constantFrom(...offered), hostileValue) : hostileValue
}

/** A valid form (from the page states) with some fields made hostile, or hostile fields alone. */
const formFor = (target: Target): fc.Arbitrary<Form> => {
  const base = target.seeds.length ? fc.constantFrom<Form>({}, ...target.seeds) : fc.constant<Form>({})
  const changes = fc.array(
    nameFor(target).chain((name) => valueFor(target, name).map((value) => [name, value] as const)),
    { maxLength: 8 },
  )
  return fc.tuple(base, changes).map(([seed, pairs]) => {
    const form: Form = { ...seed }
    for (const [name, value] of pairs) Object.defineProperty(form, name, { value, enumerable: true, writable: true })
    return form
  })
}

const query = (target: Target) =>
  fc
    .array(
      fc.oneof(
        fc
          .constantFrom(...target.names, 'lang', 'q', 'change', 'kept', 'returnTo', 'page', 'from', 'to')
          .chain((n) =>
            hostileString
              .filter((s) => s.length < 2000)
              .map((v) => `${encodeURIComponent(n)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, ''))}`),
          ),
        fc.constantFrom(
          'lang=cy',
          'lang=en',
          'lang=cy&lang=en',
          'change=1',
          'change=true',
          '%',
          '%E0%A4%A',
          '%ff=%fe',
          'a[b][c]=1',
          '&&=&',
          'q',
        ),
      ),
      { maxLength: 4 },
    )
    .map((parts) => parts.join('&'))

const withQuery = (url: string, q: string) => (q ? `${url}${url.includes('?') ? '&' : '?'}${q}` : url)

/** The target's address with one path segment made hostile: route parameters are input too. */
const hostilePath = (target: Target) => {
  const [path = '/', search] = target.url.split('?')
  const segments = path.split('/')
  return fc
    .tuple(
      fc.integer({ min: 1, max: Math.max(1, segments.length - 1) }),
      fc.oneof(
        hostileString
          .filter((v) => v.length > 0 && v.length < 500)
          .map((v) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '')) || 'x'),
        fc.constantFrom(
          '%',
          '%E0%A4%A',
          '..',
          '%2e%2e',
          '%2F',
          '0',
          '99',
          '-1',
          '1e3',
          '%00',
          '__proto__',
          'constructor',
        ),
      ),
    )
    .map(([i, value]) => {
      const copy = [...segments]
      copy[i] = value
      return `${copy.join('/')}${search ? `?${search}` : ''}`
    })
}

/** Bodies that are not clean urlencoding: bad escapes, too many fields, nested keys. */
const rawBody = fc.oneof(
  fc.constantFrom('%', '%%', '%E0%A4%A', '%ED%A0%80=1', 'a=%ff%fe', '=&=&=', 'a[b][c]=1&a[b][d]=2', '\u0000=\u0000'),
  fc.integer({ min: 1001, max: 1500 }).map((n) => Array.from({ length: n }, (_, i) => `k${i}=v`).join('&')),
  fc.string({ unit: 'binary', maxLength: 200 }),
)

/**
 * One hostile request to a target. Most carry the session's CSRF token and the form's own
 * names (so they reach the handlers); some break the envelope: no token, a forged one, a
 * JSON or multipart body, a malformed body, or a method forms never use.
 */
export function hostileRequest(target: Target, token: () => string | undefined): fc.Arbitrary<RawRequest> {
  const formBody = (form: Form, csrf: string | undefined) => {
    const body = new URLSearchParams()
    if (csrf !== undefined) body.append('_csrf', csrf)
    for (const [k, v] of Object.entries(form)) for (const one of typeof v === 'string' ? [v] : v) body.append(k, one)
    return body.toString()
  }
  const urlencoded = 'application/x-www-form-urlencoded'
  if (target.method === 'get')
    return fc.oneof(
      { arbitrary: query(target).map((q) => ({ method: 'GET', url: withQuery(target.url, q) })), weight: 8 },
      { arbitrary: hostilePath(target).map((url) => ({ method: 'GET', url })), weight: 1 },
      {
        arbitrary: fc
          .constantFrom('HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')
          .map((method) => ({ method, url: target.url })),
        weight: 1,
      },
    )
  return fc.oneof(
    {
      arbitrary: fc.tuple(formFor(target), query(target)).map(([form, q]) => ({
        method: 'POST',
        url: withQuery(target.url, q),
        body: formBody(form, token()),
        contentType: urlencoded,
      })),
      weight: 12,
    },
    {
      arbitrary: fc
        .tuple(formFor(target), fc.constantFrom(undefined, '', 'forged-token', '\u0000'))
        .map(([form, csrf]) => ({
          method: 'POST',
          url: target.url,
          body: formBody(form, csrf),
          contentType: urlencoded,
        })),
      weight: 1,
    },
    {
      arbitrary: rawBody.map((raw) => ({
        method: 'POST',
        url: target.url,
        body: `_csrf=${token() ?? ''}&${raw}`,
        contentType: urlencoded,
      })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'application/json',
            'text/plain',
            'multipart/form-data; boundary=x',
            'application/x-www-form-urlencoded; charset=utf-16',
            'application/xml',
          ),
          formFor(target),
        )
        .map(([contentType, form]) => ({
          method: 'POST',
          url: target.url,
          body: JSON.stringify({ _csrf: token(), ...form }),
          contentType,
        })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(hostilePath(target), formFor(target)).map(([url, form]) => ({
        method: 'POST',
        url,
        body: formBody(form, token()),
        contentType: urlencoded,
      })),
      weight: 1,
    },
    {
      // Huge: one field just under the body limit (a page with errors) or over it (413).
      arbitrary: fc
        .tuple(fc.constantFrom(...target.names, 'junk'), fc.constantFrom(200_000, 1_100_000))
        .map(([name, size]) => ({
          method: 'POST',
          url: target.url,
          body: formBody({ [name]: 'x'.repeat(size) }, token()),
          contentType: urlencoded,
        })),
      weight: 1,
    },
    {
      arbitrary: fc
        .constantFrom('PUT', 'DELETE', 'PATCH')
        .map((method) => ({ method, url: target.url, body: `_csrf=${token() ?? ''}`, contentType: urlencoded })),
      weight: 1,
    },
  )
}

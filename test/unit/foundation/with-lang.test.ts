import { withLang } from '../../../app/middleware/locale'

/** What withLang gave before its plain-path shortcut: the URL parser's answer for every address. */
function parsed(originalUrl: string, lang: 'en' | 'cy'): string {
  const url = new URL(originalUrl, 'http://portal.invalid')
  url.searchParams.set('lang', lang)
  return `${url.pathname}${url.search}`
}

describe('the language toggle’s address', () => {
  it.each([
    '/outcomes/work-in-care/nation',
    '/outcomes/work-in-care/plan',
    '/',
    '/a_b-C9',
    '/outcomes/work-in-care/nation?change=true',
    '/outcomes/x?lang=en&change=true',
    '/outcomes/x?a=b c&a=d',
    '/a/../b',
    '/a/./b',
    '/a//b',
    '/a/',
    '/a%2Fb',
    '/caf\u00e9',
    '/a\\b',
    '/a#frag',
    '//evil.example/x',
  ])('is what the URL parser gives for %s', (address) => {
    for (const lang of ['en', 'cy'] as const) expect(withLang(address, lang)).toBe(parsed(address, lang))
  })

  it('keeps the path and sets only the language on a plain path', () => {
    expect(withLang('/outcomes/work-in-care/nation', 'cy')).toBe('/outcomes/work-in-care/nation?lang=cy')
  })
})

import type { RequestHandler } from 'express'
import { z } from 'zod'
import { LOCALES, type Locale } from '../i18n/locales'
import { oneOf, readInput } from '../request-input'
import { translator } from '../i18n/translate'
import { cookieValue } from '../timeout/marker'
import { sessionStored } from '../timeout/session-state'

const langQuery = z.object({ lang: oneOf(...LOCALES) })

/** A path of plain segments with no query: the URL parser would give it back unchanged. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_-]+)+$/

/** The same URL with `lang` set, every other query parameter kept. */
export function withLang(originalUrl: string, lang: Locale): string {
  // Every page links its other language, and nearly every page's address is a plain path:
  // that one needs no URL parser (which cost about 1% of a page).
  if (PLAIN_PATH.test(originalUrl)) return `${originalUrl}?lang=${lang}`
  const url = new URL(originalUrl, 'http://portal.invalid')
  url.searchParams.set('lang', lang)
  return `${url.pathname}${url.search}`
}

export function langCookieName(production: boolean): string {
  return production ? '__Host-portal-lang' : 'portal-lang'
}

/**
 * Chooses the language: `?lang=` switches, and the choice is remembered. A visitor with no
 * stored session has it remembered in a small cookie (so switching language while reading
 * makes no session row, issue 20); once the session is stored, in the session, where the
 * timeout pages and staff sign-in read it. Sets `t`, `locale` and `htmlLang`, and the
 * language toggle, which links to the same page in the other language.
 */
export function locale({ production }: { production: boolean }): RequestHandler {
  const cookieName = langCookieName(production)
  return (req, res, next) => {
    const asked = readInput(langQuery, req.query).lang
    const remembered = LOCALES.find((l) => l === cookieValue(req.headers.cookie, cookieName))
    const stored = sessionStored(req.session)
    if (stored) {
      const wanted = asked ?? req.session.lang ?? remembered
      if (wanted && req.session.lang !== wanted) req.session.lang = wanted
    }
    // The cookie is made only without a stored session, and kept in step wherever it exists.
    if (asked && asked !== remembered && (!stored || remembered))
      res.cookie(cookieName, asked, { httpOnly: true, sameSite: 'lax', secure: production, path: '/' })
    const lang: Locale = asked ?? req.session.lang ?? remembered ?? 'en'
    res.locals.locale = lang
    res.locals.htmlLang = lang
    res.locals.t = translator(lang)
    const other: Locale = lang === 'en' ? 'cy' : 'en'
    res.locals.languageToggle = {
      current: lang,
      otherHref: withLang(req.originalUrl, other),
    }
    next()
  }
}

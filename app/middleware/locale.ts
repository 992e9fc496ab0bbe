import type { RequestHandler } from 'express'
import { z } from 'zod'
import { LOCALES, type Locale } from '../i18n/locales'
import { oneOf, readInput } from '../request-input'
import { translator } from '../i18n/translate'

const langQuery = z.object({ lang: oneOf(...LOCALES) })

/** The same URL with `lang` set, every other query parameter kept. */
export function withLang(originalUrl: string, lang: Locale): string {
  const url = new URL(originalUrl, 'http://portal.invalid')
  url.searchParams.set('lang', lang)
  return `${url.pathname}${url.search}`
}

/**
 * Chooses the language: `?lang=` switches and is remembered in the session (only if there
 * is one already or a switch is asked for, so reading a page creates no session). Sets
 * `t`, `locale` and `htmlLang`, and the language toggle, which links to the same page in
 * the other language.
 */
export const locale: RequestHandler = (req, res, next) => {
  const asked = readInput(langQuery, req.query).lang
  if (asked && req.session.lang !== asked) req.session.lang = asked
  const lang: Locale = req.session.lang ?? 'en'
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

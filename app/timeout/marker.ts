import signature from 'cookie-signature'
import type { Locale } from '../i18n/locales'

/**
 * A small signed cookie that outlives the session cookie and records only that a session
 * existed, when it was last used, its language and whether it held an application draft.
 * It lets the server tell "your session timed out" from a first visit, so a citizen who
 * comes back is told what happened instead of silently finding an empty service. It holds
 * no answers and no personal data.
 */
export interface SessionMarker {
  lastSeen: number
  lang: Locale
  /** The session was linked to an application draft, which is kept in the database. */
  keptDraft: boolean
}

/**
 * Signed with the session secret by cookie-signature (as express-session signs its cookie),
 * under a purpose of its own that the cookie does not carry, so a marker's signature can
 * never pass for a session cookie's, nor the reverse.
 */
const PURPOSE = 'session-marker:'

export function encodeMarker(marker: SessionMarker, secret: string): string {
  const payload = `${marker.lastSeen}.${marker.lang}.${marker.keptDraft ? 1 : 0}`
  return signature.sign(`${PURPOSE}${payload}`, secret).slice(PURPOSE.length)
}

export function decodeMarker(value: string | undefined, secret: string): SessionMarker | undefined {
  if (!value) return undefined
  const unsigned = signature.unsign(`${PURPOSE}${value}`, secret)
  const match = unsigned === false ? null : /^session-marker:(\d{1,15})\.(en|cy)\.([01])$/.exec(unsigned)
  if (!match) return undefined
  const [, seen, lang, kept] = match as unknown as [string, string, Locale, string]
  return { lastSeen: Number(seen), lang, keptDraft: kept === '1' }
}

export function markerCookieName(production: boolean): string {
  return production ? '__Host-portal-session-seen' : 'portal-session-seen'
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

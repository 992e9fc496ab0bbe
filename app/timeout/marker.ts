import { createHmac, timingSafeEqual } from 'node:crypto'
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

const sign = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`session-marker:${payload}`).digest('base64url')

export function encodeMarker(marker: SessionMarker, secret: string): string {
  const payload = `${marker.lastSeen}.${marker.lang}.${marker.keptDraft ? 1 : 0}`
  return `${payload}.${sign(payload, secret)}`
}

export function decodeMarker(value: string | undefined, secret: string): SessionMarker | undefined {
  const match = /^(\d{1,15})\.(en|cy)\.([01])\.([\w-]+)$/.exec(value ?? '')
  if (!match) return undefined
  const [, seen, lang, kept, signature] = match as unknown as [string, string, Locale, string, string]
  const expected = Buffer.from(sign(`${seen}.${lang}.${kept}`, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
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

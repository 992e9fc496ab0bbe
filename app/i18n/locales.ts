import fs from 'node:fs'
import path from 'node:path'
import { LOCALES_DIR } from '../paths'

export const LOCALES = ['en', 'cy'] as const
export type Locale = (typeof LOCALES)[number]

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'cy'
}

/** All copy for one language, keyed `namespace.path.to.key`. */
export type Messages = ReadonlyMap<string, string>

function flatten(prefix: string, value: unknown, into: Map<string, string>, file: string): void {
  if (typeof value === 'string') {
    into.set(prefix, value)
    return
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(`${prefix}.${key}`, child, into, file)
    return
  }
  throw new Error(`Locale file ${file}: ${prefix} must be a string or an object of strings`)
}

/**
 * Reads every `app/locales/<lang>/<namespace>.json` once at start-up. The file name is the
 * namespace: `t('plan.title')` reads `plan.json` → `title`.
 */
export function loadMessages(locale: Locale, dir = LOCALES_DIR): Messages {
  const folder = path.join(dir, locale)
  const messages = new Map<string, string>()
  for (const file of fs.readdirSync(folder).sort()) {
    if (!file.endsWith('.json')) continue
    const namespace = file.slice(0, -'.json'.length)
    const full = path.join(folder, file)
    flatten(namespace, JSON.parse(fs.readFileSync(full, 'utf8')) as unknown, messages, full)
  }
  return messages
}

let cache: Record<Locale, Messages> | undefined

/** Both languages, loaded on first use and kept: copy never changes while the process runs. */
export function allMessages(): Record<Locale, Messages> {
  cache ??= { en: loadMessages('en'), cy: loadMessages('cy') }
  return cache
}

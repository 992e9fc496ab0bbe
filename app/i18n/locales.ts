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

/** The copy files of a language, as paths relative to its folder (`triage.json`, `catalogue/services/pip.json`). */
export function localeFiles(locale: Locale, dir = LOCALES_DIR): string[] {
  const folder = path.join(dir, locale)
  return (fs.readdirSync(folder, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.split(path.sep).join('/'))
    .sort()
}

/**
 * Reads every `.json` file under `app/locales/<lang>` once at start-up. The file's path is the
 * namespace: `t('plan.title')` reads `plan.json` → `title`, and `catalogue/services/pip.json`
 * holds `catalogue.services.pip.*` — one small file per service and outcome, so people
 * editing different outcomes' copy at the same time never touch the same file.
 */
export function loadMessages(locale: Locale, dir = LOCALES_DIR): Messages {
  const folder = path.join(dir, locale)
  const messages = new Map<string, string>()
  for (const file of localeFiles(locale, dir)) {
    const namespace = file.slice(0, -'.json'.length).split('/').join('.')
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

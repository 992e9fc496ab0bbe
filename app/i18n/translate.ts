import { allMessages, type Locale } from './locales'
import { isMutation, mutate } from './mutate'

export type Vars = Readonly<Record<string, string | number>>
export type Translate = (key: string, vars?: Vars) => string

/** Thrown for a key that does not exist, so a typo fails a test instead of showing a key. */
export class MissingCopyError extends Error {}

/**
 * A placeholder: `{name}`, or in Welsh `{name:soft}` (`:nasal`, `:aspirate`) where the word
 * before it mutates the value ("am {service:soft}").
 */
export const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g

/** Placeholders are replaced from `vars`, mutated where marked; anything else is left as written. */
export function interpolate(text: string, vars: Vars | undefined): string {
  if (!vars) return text
  return text.replace(PLACEHOLDER, (whole, name: string, mutation: string | undefined) => {
    if (!(name in vars)) return whole
    const value = String(vars[name])
    return mutation && isMutation(mutation) ? mutate(value, mutation) : value
  })
}

const translators = new Map<Locale, Translate>()

/** One translator per language, built once; requests pick theirs by locale. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale)
  if (!t) {
    const messages = allMessages()[locale]
    t = (key, vars) => {
      const text = messages.get(key)
      if (text === undefined) throw new MissingCopyError(`Missing copy: ${locale}:${key}`)
      return interpolate(text, vars)
    }
    translators.set(locale, t)
  }
  return t
}

export function hasCopy(key: string): boolean {
  const all = allMessages()
  return all.en.has(key) && all.cy.has(key)
}

import fs from 'node:fs'
import path from 'node:path'
import { LOCALES_DIR } from '../paths'

/**
 * Welsh initial consonant mutations. A value slotted into a Welsh sentence after a word
 * that mutates it must change its first letter: "am {service:soft}" with "Cofrestru fel
 * gweithiwr gofal" reads "am Gofrestru fel gweithiwr gofal". The three regular mutations
 * are rules (below); names that do not follow them (English names, which never mutate, and
 * anything irregular) are data: app/locales/cy-mutations.json gives a name's forms outright,
 * and the names in app/locales/cy-word-list.json are left as they are. Written by hand
 * because no maintained npm package does this.
 */
export const MUTATIONS = ['soft', 'nasal', 'aspirate'] as const
export type Mutation = (typeof MUTATIONS)[number]

export function isMutation(value: string): value is Mutation {
  return (MUTATIONS as readonly string[]).includes(value)
}

/** Radical → mutated initial, longest radical first (ll before l, rh before r). */
const RULES: Record<Mutation, readonly (readonly [string, string])[]> = {
  // ch, ph, th, ts do not mutate; the lookahead rules for c, p, t below keep them apart.
  soft: [
    ['ll', 'l'],
    ['rh', 'r'],
    ['p', 'b'],
    ['t', 'd'],
    ['c', 'g'],
    ['b', 'f'],
    ['d', 'dd'],
    ['g', ''],
    ['m', 'f'],
  ],
  nasal: [
    ['p', 'mh'],
    ['t', 'nh'],
    ['c', 'ngh'],
    ['b', 'm'],
    ['d', 'n'],
    ['g', 'ng'],
  ],
  aspirate: [
    ['p', 'ph'],
    ['t', 'th'],
    ['c', 'ch'],
  ],
}

/** A mutated initial in the case of the radical it replaces: C → G, Ll → L, LL → L, c → g. */
function inCase(mutated: string, radical: string): string {
  if (radical === radical.toLowerCase()) return mutated
  if (radical === radical.toUpperCase() && radical.length > 1) return mutated.toUpperCase()
  return mutated.charAt(0).toUpperCase() + mutated.slice(1)
}

/** The regular mutation of one word, or the word itself where the rules leave it alone. */
export function mutateWord(word: string, mutation: Mutation): string {
  const lower = word.toLowerCase()
  // ch, ph, th and ts(h) are not the c, p, t that mutate; nor is a word of one letter.
  if (word.length < 2 || /^(ch|ph|th|ts)/.test(lower)) return word
  for (const [radical, mutated] of RULES[mutation]) {
    if (!lower.startsWith(radical)) continue
    const original = word.slice(0, radical.length)
    const rest = word.slice(radical.length)
    if (mutated === '') {
      // g drops: Gofal → Ofal, gwaith → waith. The next letter takes the capital.
      const capital = original === original.toUpperCase()
      const allCaps = word === word.toUpperCase()
      return capital && !allCaps ? rest.charAt(0).toUpperCase() + rest.slice(1) : rest
    }
    return inCase(mutated, original) + rest
  }
  return word
}

export interface MutationData {
  /** A name's forms outright, by the name as written: for names the rules get wrong. */
  forms: Readonly<Record<string, Partial<Record<Mutation, string>>>>
  /** Names that stay as they are (English and other names the same in both languages). */
  names: readonly string[]
}

let data: MutationData | undefined

/** The project's mutation data: app/locales/cy-mutations.json and the names of cy-word-list.json. */
export function mutationData(dir = LOCALES_DIR): MutationData {
  if (data && dir === LOCALES_DIR) return data
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>
  const forms = (read('cy-mutations.json').forms ?? {}) as MutationData['forms']
  const names = Object.keys((read('cy-word-list.json').words ?? {}) as Record<string, string>)
  const loaded = { forms, names }
  if (dir === LOCALES_DIR) data = loaded
  return loaded
}

/**
 * A value as it reads after a word that mutates it: the form given as data if there is
 * one; unchanged if it starts with a listed name, an abbreviation (DBS), a digit or a
 * symbol (£21.50, 20 munud); otherwise its first word mutated by rule.
 */
export function mutate(value: string, mutation: Mutation, given: MutationData = mutationData()): string {
  const form = given.forms[value]?.[mutation]
  if (form !== undefined) return form
  const first = /^\p{L}+/u.exec(value)?.[0]
  if (!first) return value
  if (first.length > 1 && first === first.toUpperCase()) return value
  if (given.names.some((name) => value === name || value.startsWith(`${name} `))) return value
  return mutateWord(first, mutation) + value.slice(first.length)
}

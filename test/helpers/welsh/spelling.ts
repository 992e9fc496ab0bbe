import fs from 'node:fs'
import path from 'node:path'
import nspell from 'nspell'
import { LOCALES_DIR } from '../../../app/paths'
import { withoutAddresses } from '../pages/reader-text'

/**
 * Welsh spelling with Hunspell's Welsh dictionary (`dictionary-cy`, from Bangor University
 * and Troi), read by `nspell`: it knows the mutated forms (`am Gofrestru`, `ei chais`, `yng
 * Nghymru`) and the contractions (`i’w`, `a’r`, `Mae’n`) that a plain word list does not.
 * The project's own word list (app/locales/cy-word-list.json) adds names only, each with
 * the reason it is there.
 */
export interface WordList {
  _why: string
  words: Record<string, string>
}

export const WORD_LIST_FILE = path.join(LOCALES_DIR, 'cy-word-list.json')

export function wordList(): WordList {
  return JSON.parse(fs.readFileSync(WORD_LIST_FILE, 'utf8')) as WordList
}

let speller: ReturnType<typeof nspell> | undefined

/** The dictionary is ESM-only and reads its files on import; its two files are read here directly. */
function welsh() {
  if (speller) return speller
  const dir = path.dirname(require.resolve('dictionary-cy'))
  speller = nspell(fs.readFileSync(path.join(dir, 'index.aff')), fs.readFileSync(path.join(dir, 'index.dic')))
  return speller
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** `text` with every whole-word occurrence of `phrase` taken out. */
function without(text: string, phrase: string): string {
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'gu'), ' ')
}

/**
 * Strips what is not words to spell: what the citizen typed (the state's form values), the
 * listed names that are more than letters (`GOV.UK`, `Skills for Care`), web and email
 * addresses, paths, and codes made of letters and digits (a
 * reference `CHB-QQQY-2345-X`, the National Insurance example `QQ 12 34 56 C`).
 */
function wordsIn(text: string, typed: readonly string[], list: WordList): string[] {
  // Addresses go first: a typed "2" taken out of a signed-in adviser's `admin-2-…@staff.test`
  // (shown in the header of every staff page) would leave `admin` behind as a word.
  let rest = withoutAddresses(text)
  const phrases = [...typed.map((v) => v.trim()), ...Object.keys(list.words).filter((w) => /[^\p{L}]/u.test(w))]
  for (const phrase of phrases.filter(Boolean).sort((a, b) => b.length - a.length)) rest = without(rest, phrase)
  rest = rest
    .replace(/\b[A-Z]{1,3}(?:\s\d{2})+\s[A-Z]\b/g, ' ')
    // References are capitals and digits in hyphened groups, and may by chance hold no digit (DBS-MGBV-KQRT).
    .replace(/\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b/g, ' ')
    .replace(/\S*\d\S*/g, ' ')
  const words: string[] = []
  // A word: letters, with apostrophes and hyphens inside (or an apostrophe first: ’n, ’r, ’i).
  for (const m of rest.matchAll(
    /(?<![\p{L}\p{N}])[’']?\p{L}[\p{L}\p{M}]*(?:[’'-]\p{L}[\p{L}\p{M}]*)*(?![\p{L}\p{N}])/gu,
  )) {
    words.push(m[0])
  }
  return words
}

/** The short forms that follow a vowel with an apostrophe: ’r (yr), ’n (yn, ein), ’i, ’u, ’w, ’m, ’th, ’ch. */
const CLITIC = /^(.*[aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ])'(r|n|i|u|w|m|th|ch)$/i

/** Listed as written, or capitalised as at the start of a sentence (as Hunspell treats its own words). */
function listed(word: string, list: WordList): boolean {
  const lower = word.charAt(0).toLowerCase() + word.slice(1)
  return Object.hasOwn(list.words, word) || (lower !== word && Object.hasOwn(list.words, lower))
}

/** Is this one word good Welsh, or a listed name? */
export function isWelsh(word: string, list = wordList()): boolean {
  if (listed(word, list)) return true
  const spell = welsh()
  const plain = word.replace(/’/g, "'")
  if (spell.correct(plain)) return true
  // The dictionary holds common contractions (Mae’n, a’r) but not every noun + ’n/’r.
  const clitic = CLITIC.exec(plain)
  if (clitic?.[1] && spell.correct(clitic[1])) return true
  // Hunspell's BREAK: a hyphenated compound is right when each part is.
  if (plain.includes('-')) return plain.split('-').every((part) => spell.correct(part) || listed(part, list))
  return false
}

/** The words of a text that are neither Welsh nor listed names, each once, in order of first use. */
export function unknownWelsh(text: string, typed: readonly string[] = []): string[] {
  const list = wordList()
  const unknown = new Set<string>()
  for (const word of wordsIn(text, typed, list)) if (!unknown.has(word) && !isWelsh(word, list)) unknown.add(word)
  return [...unknown]
}

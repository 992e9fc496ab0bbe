import { z } from 'zod'
import { keys } from './copy-keys'
import { OUTCOME_IDS, type Catalogue, type OutcomeId } from '../catalogue/types'
import synonymsFile from './search-synonyms.json'

/** Words that say nothing about what a citizen wants to do, in English and Welsh. */
const STOP_WORDS = new Set(
  'the and for you your want with how what can get help need about from have a an i to do my in of on or is it am ar yr y eisiau sut beth ydw rwy fy eich gyda'.split(
    ' ',
  ),
)

/** Lower case, no accents or apostrophes: "Carer’s" matches "carers", "siŵr" matches "siwr". */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const wordsOf = (text: string) => normalise(text).split(' ').filter(Boolean)

const words = z.array(z.string().min(1)).min(1)
/** search-synonyms.json: every outcome, words in both languages. Checked when the module loads, so at start-up. */
const synonymsSchema = z
  .object({ $comment: z.string().optional() })
  .extend(Object.fromEntries(OUTCOME_IDS.map((id) => [id, z.strictObject({ en: words, cy: words })])))
  .strict()

type Synonyms = Record<OutcomeId, { en: string[]; cy: string[] }>
export const SYNONYMS = synonymsSchema.parse(synonymsFile) as unknown as Synonyms

/**
 * Welsh changes the first letter of a word after some words ("fy mhlentyn", "ei phensiwn",
 * "i ofalwr"). A query word may be written mutated, so it is also tried in each radical form
 * it could have come from: soft, nasal and aspirate mutations undone.
 */
const UNMUTATE: readonly [string, readonly string[]][] = [
  ['ngh', ['c']],
  ['mh', ['p']],
  ['nh', ['t']],
  ['ng', ['g']],
  ['ph', ['p']],
  ['th', ['t']],
  ['ch', ['c']],
  ['dd', ['d']],
  ['b', ['p']],
  ['d', ['t']],
  ['g', ['c']],
  ['f', ['b', 'm']],
  ['l', ['ll']],
  ['r', ['rh']],
  ['m', ['b']],
  ['n', ['d']],
]

export function radicalForms(word: string): string[] {
  const forms = new Set([word])
  for (const [mutated, radicals] of UNMUTATE) {
    if (word.startsWith(mutated) && word.length > mutated.length + 1)
      for (const radical of radicals) forms.add(radical + word.slice(mutated.length))
  }
  // A soft mutation drops g: "ofalwr" was "gofalwr".
  if (/^[aeiouwy]/.test(word)) forms.add(`g${word}`)
  return [...forms]
}

/** What one outcome is found by: every word (for partial matches) and every phrase (for whole ones). */
interface Vocabulary {
  words: Set<string>
  phrases: string[][]
}

function vocabularyOf(id: OutcomeId, t: (key: string) => string): Vocabulary {
  const copy = keys.outcome(id)
  const phrases = [...SYNONYMS[id].en, ...SYNONYMS[id].cy, t(copy.title)].map(wordsOf)
  const all = [...phrases.flat(), ...wordsOf(t(copy.description))]
  return { words: new Set(all), phrases }
}

/**
 * Outcomes matching a keyword search, best first. Each outcome is found by its title and
 * description in the citizen's language, and by the words people use for it in either
 * language (search-synonyms.json: "PIP", "nursery", "angladd"), so a Welsh reader who types
 * an English benefit name still finds it. A query word matches the start of a word; an
 * outcome ranks higher for each query word it matches, then for each of its phrases the
 * query holds whole ("carer" is a whole phrase of caring, only part of work in care's "paid carer").
 * Outcomes that match fewer of the query's words than the best are left out.
 */
export function searchOutcomes(catalogue: Catalogue, query: string, t: (key: string) => string): OutcomeId[] {
  const terms = wordsOf(query).filter((w) => w.length > 1 && !STOP_WORDS.has(w))
  if (terms.length === 0) return []
  const termForms = terms.map(radicalForms)
  const scored = catalogue.outcomes.map((outcome, index) => {
    const vocabulary = vocabularyOf(outcome.id, t)
    const vocabularyWords = [...vocabulary.words]
    const matched = termForms.filter((forms) =>
      forms.some((form) => vocabularyWords.some((word) => word.startsWith(form))),
    ).length
    const whole = vocabulary.phrases.filter(
      (phrase) => phrase.length > 0 && phrase.every((word) => termForms.some((forms) => forms.includes(word))),
    ).length
    return { id: outcome.id, score: matched * 100 + whole, matched, index }
  })
  // Only the outcomes that match as many query words as the best one: "Taliad Annibyniaeth
  // Personol" is caring's, though "taliad" and "personol" appear in other outcomes' words.
  const best = Math.max(...scored.map((s) => s.matched))
  return scored
    .filter((s) => s.matched > 0 && s.matched === best)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.id)
}

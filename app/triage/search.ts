import { keys } from './copy-keys'
import type { Catalogue, OutcomeId } from '../catalogue/types'

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

/**
 * Outcomes matching a keyword search, best first. Each outcome is found by its title,
 * description and keywords in the citizen's language, where the keywords hold synonyms
 * ("DBS", "nursery", "bereavement"). A query word matches the start of any of those words.
 */
export function searchOutcomes(catalogue: Catalogue, query: string, t: (key: string) => string): OutcomeId[] {
  const terms = wordsOf(query).filter((w) => w.length > 1 && !STOP_WORDS.has(w))
  if (terms.length === 0) return []
  const scored = catalogue.outcomes.map((outcome, index) => {
    const copy = keys.outcome(outcome.id)
    const words = wordsOf(`${t(copy.title)} ${t(copy.description)} ${t(copy.keywords)}`)
    const score = terms.filter((term) => words.some((word) => word.startsWith(term))).length
    return { id: outcome.id, score, index }
  })
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.id)
}

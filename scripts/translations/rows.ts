import { allMessages } from '../../app/i18n/locales'
import { readReviews, reviewStatus, type ReviewFile, type ReviewStatus } from '../../app/i18n/review'
import { PLACEHOLDER } from '../../app/i18n/translate'
import { tagsOf } from './checks'
import { NEVER_WORDS, WORDS } from './placeholders'

export const COLUMNS = ['key', 'english', 'welsh', 'pages', 'status', 'reviewer', 'reviewed_on', 'note'] as const

/** How a status reads in the file; `reviewed` is what a reviewer writes back. */
export const STATUS_TEXT: Record<ReviewStatus, string> = {
  reviewed: 'reviewed',
  'changed-since-review': 'changed since review',
  'awaiting-review': 'awaiting review',
}

/** A note for the translator, written from the string itself: its placeholders and its markup. */
export function translatorNote(english: string): string {
  const notes: string[] = []
  const seen = new Set<string>()
  for (const m of english.matchAll(PLACEHOLDER)) {
    const name = m[1] as string
    if (seen.has(name)) continue
    seen.add(name)
    if (name in WORDS) {
      notes.push(
        `{${name}} is ${WORDS[name]}. Where the word before it mutates it, write {${name}:soft}, {${name}:nasal} or {${name}:aspirate} and the portal mutates the value.`,
      )
    } else {
      notes.push(`{${name}} is ${NEVER_WORDS[name] ?? 'a value filled in by the portal'}: keep it as it is.`)
    }
  }
  if (tagsOf(english).length)
    notes.push('Keep the HTML tags and their attributes exactly; translate only the text between them.')
  return notes.join(' ')
}

/** One row per string, in key order, with where it appears from `usage` (state id → keys). */
export function exportRows(
  usage: ReadonlyMap<string, readonly string[]>,
  reviews: ReviewFile = readReviews(),
): string[][] {
  const { en, cy } = allMessages()
  const where = new Map<string, string[]>()
  for (const [state, keys] of usage) for (const key of keys) where.set(key, [...(where.get(key) ?? []), state])
  return [...cy.keys()].sort().map((key) => {
    const english = en.get(key) ?? ''
    const pages = where.get(key) ?? []
    const review = reviews.strings[key]
    return [
      key,
      english,
      cy.get(key) ?? '',
      pages.length === usage.size ? 'every page' : pages.length ? pages.join('; ') : 'on no registered page state',
      STATUS_TEXT[reviewStatus(key, reviews)],
      review?.reviewer ?? '',
      review?.date ?? '',
      translatorNote(english),
    ]
  })
}

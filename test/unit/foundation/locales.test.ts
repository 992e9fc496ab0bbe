import fs from 'node:fs'
import path from 'node:path'
import { loadMessages, localeFiles } from '../../../app/i18n/locales'
import { registry } from '../../../app/a11y/registry'
import { readReviews } from '../../../app/i18n/review'
import { PLACEHOLDER } from '../../../app/i18n/translate'
import { LOCALES_DIR } from '../../../app/paths'

const en = loadMessages('en')
const cy = loadMessages('cy')
const allowed = new Set(
  (JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, 'identical-allowed.json'), 'utf8')) as { keys: string[] }).keys,
)
const reviews = readReviews()
describe('English and Welsh copy', () => {
  it('have the same copy files, file for file', () => {
    expect(localeFiles('cy')).toEqual(localeFiles('en'))
  })

  it('have exactly the same keys', () => {
    expect([...cy.keys()].sort()).toEqual([...en.keys()].sort())
  })

  it('have no empty strings', () => {
    const empty = [...en, ...cy].filter(([, text]) => text.trim() === '').map(([key]) => key)
    expect(empty).toEqual([])
  })

  it('translate every string, except proper nouns and codes listed as allowed', () => {
    // A string that is only placeholders and punctuation ('{fee}') has nothing to translate.
    const hasWords = (text: string) => /\p{L}/u.test(text.replace(PLACEHOLDER, ''))
    const untranslated = [...en]
      .filter(([key, text]) => cy.get(key) === text && hasWords(text) && !allowed.has(key))
      .map(([key]) => key)
    expect(untranslated).toEqual([])
  })

  it('keep the same {placeholders} in both languages', () => {
    // Welsh may mark a mutation ({service:soft}); the placeholder's name is what must match.
    const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort()
    const mismatched = [...en]
      .filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(cy.get(key) ?? '')))
      .map(([key]) => key)
    expect(mismatched).toEqual([])
  })

  it('record Welsh reviews per string, each of a string that exists, by someone, on a date', () => {
    const bad = Object.entries(reviews.strings).filter(
      ([key, r]) => !cy.has(key) || r.reviewer.trim() === '' || !/^\d{4}-\d{2}-\d{2}$/.test(r.date) || !r.fingerprint,
    )
    expect(bad.map(([key]) => key)).toEqual([])
  })

  it('list as reviewed only page states that exist', () => {
    const ids = new Set(registry().states.map((s) => s.id))
    expect(reviews.pages.filter((id) => !ids.has(id))).toEqual([])
  })
})

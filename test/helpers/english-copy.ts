import { loadMessages } from '../../app/i18n/locales'
import { readerText, withoutAddresses } from './pages/reader-text'
import { wordList } from './welsh/spelling'

/**
 * Finds English copy on a page that should be entirely Welsh. The phrases are the
 * portal's own English strings (where the Welsh differs) and govuk-frontend's built-in
 * English defaults, which leak through whenever a template forgets a component's i18n
 * parameter. Anything that also occurs inside some Welsh string (a proper noun, a brand)
 * is not evidence of English and is left out.
 */
const GOVUK_FRONTEND_DEFAULTS = [
  'Skip to main content',
  'Support links',
  'There is a problem',
  'Error:',
  'Show password',
  'Hide password',
  'Exit this page',
  'Crown copyright',
  'Open Government Licence',
  'characters remaining',
  'characters too many',
  'words remaining',
  'Show all sections',
  'Choose file',
  'No file chosen',
  'Important',
  'Success',
  'Warning',
  'Back',
  'Day',
  'Month',
  'Year',
  'Menu',
  'Service information',
]

/** Copy as a reader meets it, for comparing a string with a page's text. */
function plain(html: string): string {
  return readerText(html).text
}

let phrases: RegExp[] | undefined

function englishPhrases(): RegExp[] {
  if (phrases) return phrases
  const en = loadMessages('en')
  const cy = loadMessages('cy')
  const welshText = [...cy.values()].map(plain).join('\n')
  const candidates = new Set<string>(GOVUK_FRONTEND_DEFAULTS)
  for (const [key, english] of en) {
    if (cy.get(key) === english) continue
    for (const segment of plain(english).split(/\{\w+\}/)) {
      const text = segment
        .trim()
        .replace(/^[,.:;]+|[,.:;]+$/g, '')
        .trim()
      const words = text.split(' ').filter(Boolean)
      if (words.length >= 2 || text.length >= 3) candidates.add(text)
    }
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  phrases = [...candidates]
    .filter((text) => !welshText.includes(text))
    .map((text) => new RegExp(`(^|[^\\p{L}])${escape(text)}($|[^\\p{L}])`, 'u'))
  return phrases
}

/**
 * English on the page: the portal's English copy and govuk-frontend's English defaults,
 * wherever a reader meets them (shown, read out, in `aria-label`, `title` or the page
 * title); and every part the page marks `lang="en"` unless it is a listed name that is the
 * same in both languages (the word list, app/locales/cy-word-list.json). Empty for a page
 * entirely in Welsh.
 */
export function englishOn(html: string): string[] {
  const { text: all, english } = readerText(html)
  const text = withoutAddresses(all)
  const names = wordList().words
  const marked = english.filter((part) => !Object.hasOwn(names, part)).map((part) => `lang="en": ${part}`)
  return [
    ...marked,
    ...englishPhrases()
      .filter((re) => re.test(text))
      .map((re) => re.source.replace(/^\(\^\|\[\^\\p\{L\}\]\)|\(\$\|\[\^\\p\{L\}\]\)$/g, '').replace(/\\/g, '')),
  ]
}

import { loadMessages } from '../../app/i18n/locales'

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

/**
 * Text a reader meets, as one line. Elements marked `lang="en"` are left out: that is how a
 * page declares a deliberate English part, such as the title of an English-only source
 * document, so screen readers pronounce it as English (WCAG 3.1.2, language of parts).
 */
function plain(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(span|a|cite|q|p|li)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/'/g, '’')
    .replace(/\s+/g, ' ')
    .trim()
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
      if (words.length >= 2 || text.length >= 5) candidates.add(text)
    }
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  phrases = [...candidates]
    .filter((text) => !welshText.includes(text))
    .map((text) => new RegExp(`(^|[^\\p{L}])${escape(text)}($|[^\\p{L}])`, 'u'))
  return phrases
}

/** English phrases visible (or read out) on the page; empty for a page entirely in Welsh. */
export function englishOn(html: string): string[] {
  const text = plain(html)
  return englishPhrases()
    .filter((re) => re.test(text))
    .map((re) => re.source.replace(/^\(\^\|\[\^\\p\{L\}\]\)|\(\$\|\[\^\\p\{L\}\]\)$/g, '').replace(/\\/g, ''))
}

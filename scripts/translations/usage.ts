import { loadMessages } from '../../app/i18n/locales'
import { MUTATIONS, mutateWord } from '../../app/i18n/mutate'
import { PLACEHOLDER } from '../../app/i18n/translate'
import { readerText } from '../../test/helpers/pages/reader-text'
import type { WelshPage } from '../../test/helpers/welsh/states'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A string's own words as a reader meets them: the parts between its placeholders, markup gone. */
function fragments(text: string): string[] {
  return readerText(text.replace(PLACEHOLDER, '\u0000'))
    .text.split('\u0000')
    .map((part) => part.trim())
    .filter((part) => /\p{L}/u.test(part))
}

/** A pattern that finds the fragment as whole words, its first word in any of its mutated forms. */
function pattern(fragment: string): RegExp {
  const first = /^\p{L}+/u.exec(fragment)?.[0] ?? ''
  const forms = new Set([first, ...MUTATIONS.map((m) => mutateWord(first, m))].filter(Boolean))
  const head = forms.size ? `(?:${[...forms].map(escape).join('|')})` : ''
  return new RegExp(`(?<![\\p{L}])${head}${escape(fragment.slice(first.length))}(?![\\p{L}])`, 'u')
}

/**
 * Which Welsh strings each page state shows, found from what a reader meets: a string is
 * on a page when all its own words are there (the first word of each part may be mutated,
 * as a value slotted after "am" is). Matching by text means a short string that is also
 * part of another ("Ie") is counted wherever its words appear: the list can hold more
 * than a page uses, never fewer, so no unreviewed string is hidden.
 */
export function copyUsage(pages: readonly WelshPage[]): Map<string, string[]> {
  const cy = loadMessages('cy')
  const patterns = [...cy].flatMap(([key, text]) => {
    const parts = fragments(text)
    return parts.length ? [{ key, parts: parts.map(pattern) }] : []
  })
  const usage = new Map<string, string[]>()
  for (const page of pages) {
    const { text } = readerText(page.html)
    usage.set(
      page.state.id,
      patterns.filter((p) => p.parts.every((re) => re.test(text))).map((p) => p.key),
    )
  }
  return usage
}

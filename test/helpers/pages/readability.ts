/**
 * The Flesch–Kincaid grade of a page's main text. Written here because the maintained
 * syllable counters (syllable, text-readability) ship only as ES modules, which this
 * project's CommonJS Jest cannot load without changing every suite's runtime flags; the
 * formula is the published one, and the syllable count the usual vowel-group rule.
 */

/** Elements whose end is the end of a sentence for a reader (a heading, a list item, a label). */
const BLOCK_END = /<\/(p|li|h[1-6]|dt|dd|th|td|label|legend|button|summary|caption|div)>|<br\s*\/?>/gi

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", rsquo: '’' }

/** The text of `<main>`, one sentence a line; what only screen readers hear is left out. */
export function mainSentences(html: string): string[] {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? ''
  const text = main
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/gi, ' ')
    .replace(BLOCK_END, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
      if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16))
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
      return ENTITIES[name] ?? whole
    })
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[A-Za-z]/.test(s))
}

const wordsOf = (sentence: string) => sentence.match(/[A-Za-z]+(?:[’'-][A-Za-z]+)*/g) ?? []

/** Syllables by vowel groups, less a silent final e, at least one a word. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '')
  if (w.length <= 3) return 1
  const trimmed = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '')
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 1)
}

export interface Readability {
  grade: number
  sentences: number
  words: number
}

/** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function fleschKincaid(sentences: readonly string[]): Readability {
  const words = sentences.flatMap(wordsOf)
  if (words.length === 0) return { grade: 0, sentences: 0, words: 0 }
  const syllableCount = words.reduce((n, w) => n + syllables(w), 0)
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllableCount / words.length) - 15.59
  return { grade: Math.round(grade * 10) / 10, sentences: sentences.length, words: words.length }
}

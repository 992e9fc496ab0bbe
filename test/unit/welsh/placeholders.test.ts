import { loadMessages } from '../../../app/i18n/locales'
import { isMutation, type Mutation } from '../../../app/i18n/mutate'
import { PLACEHOLDER } from '../../../app/i18n/translate'
import { NEVER_WORDS, WORDS } from '../../../scripts/translations/placeholders'

/**
 * Every Welsh string with a placeholder: where the word before a placeholder mutates what
 * follows it, the placeholder must say which mutation (`am {service:soft}`), or the value
 * would read unmutated ("am Cofrestru"). Values that are never words (numbers, money,
 * dates, codes, addresses) cannot mutate: scripts/translations/placeholders.ts names every
 * placeholder's kind, and the translators' notes are written from it.
 */
/** Words after which the next word mutates, and how. Where a word's mutation depends on its sense, each is allowed. */
const TRIGGERS: Record<string, readonly Mutation[]> = {
  ...Object.fromEntries(
    [
      'am',
      'ar',
      'at',
      'gan',
      'heb',
      'i',
      'o',
      'dan',
      'tan',
      'dros',
      'drwy',
      'trwy',
      'wrth',
      'hyd',
      'neu',
      'dy',
      'pa',
      'mor',
      'rhy',
      'go',
      'dau',
      'dwy',
      'ail',
    ].map((w) => [w, ['soft'] as const]),
  ),
  â: ['aspirate'],
  gyda: ['aspirate'],
  tua: ['aspirate'],
  tri: ['aspirate'],
  chwe: ['aspirate'],
  fy: ['nasal'],
  // "a" (and) aspirates, "a" (who, whether) softens; "ei" (his) softens, "ei" (her) aspirates;
  // "yn" softens a noun or adjective and nasalises a place; "na", "ni" soften or aspirate.
  a: ['soft', 'aspirate'],
  ei: ['soft', 'aspirate'],
  yn: ['soft', 'nasal'],
  na: ['soft', 'aspirate'],
  ni: ['soft', 'aspirate'],
}

/** An inflected verb's object softens: the imperatives (Rhowch, Dewiswch) end in -wch. */
const trigger = (word: string): readonly Mutation[] | undefined =>
  TRIGGERS[word.toLowerCase()] ?? (/\p{L}{2,}wch$/u.test(word) ? ['soft'] : undefined)

const cy = loadMessages('cy')
const withPlaceholders = [...cy].filter(([, text]) => new RegExp(PLACEHOLDER.source).test(text))

interface Use {
  key: string
  placeholder: string
  before: string
  mutation: string | undefined
}

function uses(): Use[] {
  return withPlaceholders.flatMap(([key, text]) =>
    [...text.matchAll(PLACEHOLDER)].map((m) => ({
      key,
      placeholder: m[1] as string,
      before: /(\p{L}+)\s+$/u.exec(text.slice(0, m.index))?.[1] ?? '',
      mutation: m[2],
    })),
  )
}

describe('Welsh strings with placeholders', () => {
  it('there are some, so this test checks something', () => {
    expect(withPlaceholders.length).toBeGreaterThan(50)
  })

  it('every placeholder is known to be a word or never a word', () => {
    const unknown = uses().filter((u) => !(u.placeholder in NEVER_WORDS) && !(u.placeholder in WORDS))
    expect(unknown.map((u) => `${u.key}: {${u.placeholder}}`)).toEqual([])
  })

  it('every mutation marker is soft, nasal or aspirate, and only on a value that is a word', () => {
    const bad = uses().filter((u) => u.mutation !== undefined && (!isMutation(u.mutation) || !(u.placeholder in WORDS)))
    expect(bad.map((u) => `${u.key}: {${u.placeholder}:${u.mutation}}`)).toEqual([])
  })

  it('no word-value is left unmutated after a word that mutates it', () => {
    const unmutated = uses().flatMap((u) => {
      const wanted = trigger(u.before)
      if (!wanted || !(u.placeholder in WORDS)) return []
      if (u.mutation && (wanted as readonly string[]).includes(u.mutation)) return []
      return [
        `${u.key}: “${u.before} {${u.placeholder}${u.mutation ? `:${u.mutation}` : ''}}” needs :${wanted.join(' or :')}`,
      ]
    })
    expect(unmutated).toEqual([])
  })

  it('the English copy never marks a mutation', () => {
    const en = loadMessages('en')
    const marked = [...en].filter(([, text]) => [...text.matchAll(PLACEHOLDER)].some((m) => m[2] !== undefined))
    expect(marked.map(([key]) => key)).toEqual([])
  })
})

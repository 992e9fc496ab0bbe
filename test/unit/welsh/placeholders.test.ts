import { loadMessages } from '../../../app/i18n/locales'
import { isMutation, type Mutation } from '../../../app/i18n/mutate'
import { PLACEHOLDER } from '../../../app/i18n/translate'

/**
 * Every Welsh string with a placeholder: where the word before a placeholder mutates what
 * follows it, the placeholder must say which mutation (`am {service:soft}`), or the value
 * would read unmutated ("am Cofrestru"). Values that are never words (numbers, money,
 * dates, codes, addresses) cannot mutate and are named here with the reason.
 */
const NEVER_WORDS: Record<string, string> = {
  count: 'a number',
  done: 'a number',
  total: 'a number',
  number: 'a number',
  max: 'a number',
  min: 'a number',
  minutes: 'a number',
  status: 'an HTTP status number',
  criterion: 'a WCAG success criterion number',
  pensionAge: 'a number of years',
  amount: 'money',
  disabled: 'money',
  earnings: 'money',
  fee: 'money',
  hicbcAll: 'money',
  hicbcStart: 'money',
  limit: 'money',
  lump: 'money',
  monthly: 'money',
  date: 'a date, which starts with its day number',
  expires: 'a date, which starts with its day number',
  prepared: 'a date, which starts with its day number',
  reviewed: 'a date, which starts with its day number',
  tested: 'a date, which starts with its day number',
  time: 'a number of minutes or seconds',
  reference: 'a reference code',
  phone: 'a phone number',
  href: 'a web address',
  feedbackUrl: 'a web address',
  path: 'a path on this site',
}

/** Values that are words: a mutating word before one of these needs a mutation marker. */
const WORDS: Record<string, string> = {
  service: 'a service name ("Cofrestru fel gweithiwr gofal")',
  name: 'a field name ("eich enw llawn", "cod post")',
  subject: 'a field name ("y dyddiad geni")',
  organisation: 'the organisation running the service ("Porth dinasyddion")',
  outcome: 'an outcome title',
  question: 'a question, quoted',
  answer: 'an answer, quoted',
  noun: 'an item name ("Cyfeiriad")',
  condition: 'a sentence',
  channel: 'how a citizen was helped',
  query: 'what the citizen searched for, quoted as typed',
  areas: 'area ids, shown as code',
}

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

import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'

/**
 * How guessable a password is, by zxcvbn (Dropbox's estimator, maintained as @zxcvbn-ts):
 * it knows ~49,000 passwords most common in breaches, English words and names, keyboard
 * patterns, dates, repeats, sequences and l33t substitutions, so "Password2024!" and
 * "liverpool1234" are found as stretched common passwords, which no fixed list can do.
 * Built once, on first use: the dictionaries take a few hundred milliseconds to index.
 */
let estimator: ZxcvbnFactory | undefined

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  })
  return estimator
}

/**
 * Score 4 (about 10^10 guesses or more) is the least accepted. Score 3 let through stretched
 * breached passwords such as "!!letmein123456" and "Summer2026Summer" (10^8 guesses: hours
 * for whoever holds a leaked hash list).
 */
export const MIN_SCORE = 4

/** Words about this service and this person a guesser would try first (ASVS 6.2.11). */
const SERVICE_WORDS = ['portal', 'citizen', 'staff', 'adviser', 'advisor', 'auditor', 'admin', 'helpdesk', 'council']

/**
 * True when the password is too easy to guess, given who it is for. The words of the
 * person's email address and of the service are taken out before the estimate (a guesser
 * tries them first, and zxcvbn's own user-input matching let "janet.hughes2026" through for
 * janet.hughes@…), so what is left must be strong on its own.
 */
export function isGuessable(password: string, context: readonly string[] = []): boolean {
  const personal = context.flatMap((text) =>
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 3),
  )
  let rest = password
  for (const word of [...SERVICE_WORDS, ...personal]) rest = rest.replace(new RegExp(word, 'gi'), '')
  return zxcvbn().check(rest).score < MIN_SCORE
}

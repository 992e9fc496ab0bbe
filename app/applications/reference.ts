import { randomInt } from 'node:crypto'

/**
 * References such as `DBS-4KX7-93TQ`: a prefix naming the application, seven random
 * characters and one check character, grouped in fours. The alphabet leaves out 0/O,
 * 1/I/L and U so a reference read over the phone cannot be misheard or mistyped into
 * another valid one; the check character (Luhn mod N) catches any single wrong character
 * and most swaps before a database is even asked. 30^7 ≈ 2×10^10 makes them unguessable
 * given the rate limit on look-ups.
 */
export const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
const N = ALPHABET.length

export function checkCharacter(body: string): string {
  let factor = 2
  let sum = 0
  for (let i = body.length - 1; i >= 0; i--) {
    const code = ALPHABET.indexOf(body[i] as string)
    if (code < 0) throw new Error('not in the reference alphabet')
    let addend = factor * code
    factor = factor === 2 ? 1 : 2
    addend = Math.floor(addend / N) + (addend % N)
    sum += addend
  }
  return ALPHABET[(N - (sum % N)) % N] as string
}

export function newReference(prefix: string, random: (max: number) => number = randomInt): string {
  let body = ''
  for (let i = 0; i < 7; i++) body += ALPHABET[random(N)]
  const full = body + checkCharacter(body)
  return `${prefix}-${full.slice(0, 4)}-${full.slice(4)}`
}

/**
 * Reads a reference as a person might type it: any case, spaces or dashes anywhere,
 * O for 0 and I/L for 1 are NOT silently corrected (those characters never occur).
 * Returns the canonical form, or undefined when it cannot be a valid reference.
 */
export function parseReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '')
  const match = /^([A-Z]{3})([2-9A-Z]{8})$/.exec(compact)
  if (!match) return undefined
  const [, prefix, chars] = match as unknown as [string, string, string]
  if ([...chars].some((c) => !ALPHABET.includes(c))) return undefined
  if (checkCharacter(chars.slice(0, 7)) !== chars[7]) return undefined
  return `${prefix}-${chars.slice(0, 4)}-${chars.slice(4)}`
}

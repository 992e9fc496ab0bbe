import { createHash, randomInt } from 'node:crypto'

/**
 * One-time recovery codes, for a lost or broken phone. Ten, each 16 characters from a
 * 31-character alphabet without look-alikes (0/o, 1/l/i): 79 random bits, shown once as
 * `abcd-efgh-jkmn-pqrs`.
 *
 * Stored as SHA-256, not scrypt: a slow hash protects what people choose (a password is
 * guessable offline from its hash); 80 bits from the system's random generator are not, so
 * 2^79 hashes stand between a copied table and a code. A slow hash would only add work to
 * every try at the code step (each try is compared with every unused code).
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'
export const RECOVERY_CODE_COUNT = 10
const LENGTH = 16
/** At or below this many unused codes, the member's pages say it is time to make a new set. */
export const FEW_RECOVERY_CODES = 3

function newCode(): string {
  let code = ''
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return (code.match(/.{4}/g) ?? []).join('-')
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newCode)
}

/** What someone typed, as a recovery code (any case, spaces or hyphens anywhere), or undefined. */
export function recoveryCodeFromInput(input: string): string | undefined {
  const code = input.toLowerCase().replace(/[\s-]/g, '')
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined
}

/** The stored form of a code, shown or typed (hyphens and case do not matter). */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(`staff-recovery-code:${recoveryCodeFromInput(code) ?? code}`)
    .digest('hex')
}

/** How the member's pages speak of what is left: none at all, few (a warning), or enough. */
export function recoveryCodesLeft(unused: number): 'none' | 'few' | 'enough' {
  if (unused <= 0) return 'none'
  return unused <= FEW_RECOVERY_CODES ? 'few' : 'enough'
}

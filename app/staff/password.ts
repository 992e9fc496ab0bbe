import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { isGuessable } from './password-strength'

/** Long enough that a phrase of a few words passes and a guessable word does not. */
export const MIN_PASSWORD_LENGTH = 12
const MAX_PASSWORD_LENGTH = 256

/** scrypt parameters are stored with each hash so they can be raised later without a reset. */
const COST = { N: 16384, r: 8, p: 1 }
const KEY_LENGTH = 64
const SALT_BYTES = 16

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

/** `scrypt$N$r$p$salt$hash` (base64url): a fresh random salt per account. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await scrypt(password, salt, KEY_LENGTH, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$')
  if (scheme !== 'scrypt' || !saltText || !hashText) return false
  const expected = Buffer.from(hashText, 'base64url')
  const key = await scrypt(
    password.slice(0, MAX_PASSWORD_LENGTH),
    Buffer.from(saltText, 'base64url'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    },
  )
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/**
 * A hash to compare against when the email is unknown, so that an unknown account takes as
 * long to refuse as a wrong password and timing does not reveal which emails exist.
 */
let decoy: Promise<string> | undefined
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64url'))
  return decoy
}

export type PasswordProblem = 'too-short' | 'too-long' | 'common'

/**
 * Length, then guessability (breached and common passwords, words of the service and of the
 * person's own email address); `undefined` when the password is acceptable.
 */
export function passwordProblem(password: string, context: readonly string[] = []): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short'
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long'
  if (isGuessable(password, context)) return 'common'
  return undefined
}

/** Five groups of five from an alphabet without look-alikes: easy to read out, ~120 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'
  const chars = Array.from({ length: 25 }, () => alphabet[randomInt(alphabet.length)])
  return [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5).join('')).join('-')
}

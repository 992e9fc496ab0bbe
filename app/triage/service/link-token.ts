import { createHash, randomBytes } from 'node:crypto'

/**
 * The secret in every link the portal emails a citizen (a kept plan, a reminder's stop link):
 * 32 random bytes, base64url, so 43 characters. Only its SHA-256 is stored, so someone reading
 * the database cannot open a link; SHA-256 and not a slow hash, because 256 random bits are
 * not guessable the way a chosen password is.
 */
export const LINK_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export const newLinkToken = (): string => randomBytes(32).toString('base64url')

export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex')

import { createHash } from 'node:crypto'
import { z } from 'zod'

/**
 * A service provider's key for the hand-over API. Only the key's SHA-256 is configured:
 * a leaked configuration, log or backup does not give access, and the key itself is shown
 * once, to the person who made it (`npm run api-key:new`).
 */
export interface ApiKey {
  /** Who holds it, as it appears in security events and the audit trail. */
  name: string
  /** SHA-256 of the key, lowercase hex. */
  sha256: string
  /** The applications this key may read; no key reads everything. */
  applications: readonly string[]
}

const keySchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a name of lowercase letters, digits and hyphens'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the key’s SHA-256 as 64 lowercase hex digits'),
  applications: z.array(z.string().regex(/^[a-z-]{1,40}$/)).min(1),
})

/**
 * `SUBMISSIONS_API_KEYS` is a JSON array of keys. Two entries may share a name: that is how a
 * key is rotated without downtime (add the new one, let the provider switch, remove the old).
 */
export const apiKeysSchema = z
  .string()
  .transform((text, ctx) => {
    // Set but empty (a deployment template's blank line) means no keys, not a broken one.
    if (text.trim() === '') return []
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of keys' })
      return z.NEVER
    }
  })
  .pipe(z.array(keySchema))
  .refine((keys) => new Set(keys.map((k) => k.sha256)).size === keys.length, 'the same key is listed twice')

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex')

/**
 * The key a bearer token is, if any. A lookup by hash is safe against timing: the hash of an
 * attacker's guess reveals nothing about the configured hashes' preimages, so how quickly a
 * comparison of hashes fails tells them nothing they can use.
 */
export function keyFor(keys: readonly ApiKey[], bearer: string | undefined): ApiKey | undefined {
  if (!bearer) return undefined
  const hash = hashApiKey(bearer)
  return keys.find((k) => k.sha256 === hash)
}

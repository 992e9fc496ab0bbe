import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Two-factor secrets are kept encrypted (AES-256-GCM): a copy of the database alone (a
 * backup, a replica, a leaked dump) gives nobody the codes of any member of staff. The key is
 * derived with HKDF-SHA256 from STAFF_TOTP_KEY, or from SESSION_SECRET when that is not set
 * (docs/deployment.md): a purpose label keeps it apart from every other use of the secret.
 * The account id is bound in as associated data, so a secret copied onto another account's
 * row does not open.
 */
const VERSION = 'v1'

export function secretBoxKey(material: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, 'citizen-portal', 'staff-totp-secret v1', 32))
}

/** `v1.<iv>.<ciphertext and tag>`, base64url. */
export function sealSecret(key: Buffer, accountId: string, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(accountId))
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return [VERSION, iv.toString('base64url'), body.toString('base64url')].join('.')
}

/** The secret, or undefined when it does not open (another key, another account, tampered). */
export function openSecret(key: Buffer, accountId: string, sealed: string): string | undefined {
  const [version, ivText, bodyText] = sealed.split('.')
  if (version !== VERSION || !ivText || !bodyText) return undefined
  const body = Buffer.from(bodyText, 'base64url')
  if (body.length <= 16) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'))
    decipher.setAAD(Buffer.from(accountId))
    decipher.setAuthTag(body.subarray(body.length - 16))
    return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}

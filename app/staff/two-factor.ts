import { Secret, TOTP } from 'otpauth'

/**
 * Time-based one-time codes (RFC 6238) as every authenticator app makes them: SHA-1, six
 * digits, 30-second steps. Pure: the caller passes the time (the injected clock) and the
 * last step the account used.
 */
const PERIOD_SECONDS = 30
const DIGITS = 6
/** One step either side: a phone clock a little out, or a code typed as it changed. */
const DRIFT_STEPS = 1

/** A new secret: 160 random bits (RFC 4226's recommended length), in base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

function totp(secret: string, issuer = '', label = 'staff'): TOTP {
  return new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
  })
}

/** The `otpauth://` address the QR code carries: the app reads issuer, account and secret from it. */
export function otpauthUri(secret: string, issuer: string, account: string): string {
  return totp(secret, issuer, account).toString()
}

/** The secret in groups of four, the way it is easiest to read out and type into an app. */
export function groupedSecret(secret: string): string[] {
  return secret.match(/.{1,4}/g) ?? []
}

/** What someone typed, as a code: spaces and hyphens dropped ("123 456" is fine). */
export function codeFromInput(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '')
  return /^\d{6}$/.test(code) ? code : undefined
}

/**
 * The time step a six-digit code belongs to, if it is right for now (one step either side)
 * and newer than `lastStep`, the step of the last code this account used: a code seen over
 * someone's shoulder, or replayed from a log, is worth nothing once it has been used.
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | undefined {
  const timestamp = now.getTime()
  const delta = totp(secret).validate({ token: code, timestamp, window: DRIFT_STEPS })
  if (delta === null) return undefined
  const step = Math.floor(timestamp / 1000 / PERIOD_SECONDS) + delta
  if (lastStep !== null && step <= lastStep) return undefined
  return step
}

import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { RetentionPolicy } from './retention/policy'
import { DRAFT_DAYS } from './applications/service/draft-repository'
import { apiKeysSchema, type ApiKey } from './api/keys'

const brandSchema = z.enum(['govuk', 'organisation'])

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(20),
  SESSION_WARNING_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  STAFF_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  // ASVS 5.0 7.3.2 (Level 2): an absolute lifetime, however busy the session; a working day and a half at most.
  STAFF_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  // Encrypts staff two-factor secrets at rest (app/staff/secret-box.ts); SESSION_SECRET when unset.
  STAFF_TOTP_KEY: z.string().min(32, 'STAFF_TOTP_KEY must be at least 32 characters').optional(),
  BRAND: brandSchema.default('organisation'),
  BRAND_NAME: z.string().min(1).default('Citizen portal'),
  BRAND_NAME_CY: z.string().min(1).optional(),
  BRAND_URL: z.string().default('/'),
  SERVICE_URL: z.url().optional(),
  FEEDBACK_URL: z.string().default('/feedback'),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  NOTIFY_API_KEY: z.string().optional(),
  SUBMISSIONS_API_KEYS: apiKeysSchema.optional(),
  RENDER_CACHE: z.enum(['on', 'off']).default('on'),
  INSIGHTS_COUNTING: z.enum(['on', 'off']).default('on'),
  RETENTION_KEPT_PLAN_DAYS: z.coerce.number().int().min(1).max(366).default(28),
  RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  RETENTION_SUBMISSION_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  RETENTION_FEEDBACK_TEXT_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  // At least the 30 days sign-in throttling counts an address as familiar (app/staff/service/sign-in-sources.ts).
  RETENTION_STAFF_SIGN_IN_SOURCE_DAYS: z.coerce.number().int().min(30).max(366).default(30),
  // The database refuses to delete audit rows younger than six years (migration 041).
  RETENTION_AUDIT_YEARS: z.coerce.number().int().min(6).max(20).default(6),
})

export type Brand = z.infer<typeof brandSchema>

/** Everything the portal reads from its environment, parsed once at start-up. */
export interface Config {
  env: 'development' | 'production' | 'test'
  port: number
  dataDir: string
  sessionSecret: string
  sessionIdleMinutes: number
  /** How long before the idle limit the timeout warning opens (WCAG 2.2.1 asks for at least 20 s). */
  sessionWarningSeconds: number
  staffIdleMinutes: number
  /** Absolute lifetime of a staff sign-in, on top of the idle limit. */
  staffMaxHours: number
  /** What the key for two-factor secrets is derived from: STAFF_TOTP_KEY, else SESSION_SECRET. */
  staffTotpKey: string
  brand: Brand
  brandName: string
  /** The organisation's name in Welsh; organisations in Wales have one. */
  brandNameCy: string
  brandUrl: string
  serviceUrl: string
  feedbackUrl: string
  trustProxy: number
  logLevel: string
  databaseUrl: string | undefined
  redisUrl: string | undefined
  notifyApiKey: string | undefined
  /** Service providers' keys for the hand-over API, each limited to its applications (app/api/keys.ts). */
  apiKeys: readonly ApiKey[]
  /** Pages rendered once per distinct inputs and compressed once (app/views); off only to measure what that buys. */
  renderCache: boolean
  /** Service-owner counts (app/insights); `off` only to measure what counting costs (npm run bench). */
  insightsCounting: boolean
  /** How long each kind of data is kept (app/retention/policy.ts; shown on the privacy page). */
  retention: RetentionPolicy
}

/** Thrown with a one-line, operator-readable message; server.ts prints it and exits. */
export class ConfigError extends Error {}

/**
 * In development the secret is generated once and kept in DATA_DIR, so sessions survive a
 * restart without anybody having to set a variable. Production must be given one.
 */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const secret = randomBytes(48).toString('base64url')
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ConfigError(`Invalid configuration: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`)
  }
  const e = parsed.data
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET is required when NODE_ENV=production (at least 32 characters)')
  }
  // Emailed links are built from it: without it they would point at localhost.
  if (e.NODE_ENV === 'production' && !e.SERVICE_URL) {
    throw new ConfigError(
      'SERVICE_URL is required when NODE_ENV=production (the public https:// address of the portal)',
    )
  }
  const dataDir = path.resolve(e.DATA_DIR)
  fs.mkdirSync(dataDir, { recursive: true })
  const sessionSecret = e.SESSION_SECRET ?? developmentSecret(dataDir)
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir,
    sessionSecret,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionWarningSeconds: Math.min(e.SESSION_WARNING_SECONDS, e.SESSION_IDLE_MINUTES * 60 - 1),
    staffIdleMinutes: e.STAFF_IDLE_MINUTES,
    staffMaxHours: e.STAFF_MAX_HOURS,
    staffTotpKey: e.STAFF_TOTP_KEY ?? sessionSecret,
    brand: e.BRAND,
    brandName: e.BRAND_NAME,
    brandNameCy: e.BRAND_NAME_CY ?? (e.BRAND_NAME === 'Citizen portal' ? 'Porth dinasyddion' : e.BRAND_NAME),
    brandUrl: e.BRAND_URL,
    serviceUrl: e.SERVICE_URL ?? `http://localhost:${e.PORT}`,
    feedbackUrl: e.FEEDBACK_URL,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    databaseUrl: e.DATABASE_URL || undefined,
    redisUrl: e.REDIS_URL || undefined,
    notifyApiKey: e.NOTIFY_API_KEY || undefined,
    apiKeys: e.SUBMISSIONS_API_KEYS ?? [],
    renderCache: e.RENDER_CACHE === 'on',
    insightsCounting: e.INSIGHTS_COUNTING === 'on',
    retention: {
      sessionMinutes: e.SESSION_IDLE_MINUTES,
      draftDays: DRAFT_DAYS,
      keptPlanDays: e.RETENTION_KEPT_PLAN_DAYS,
      outboxDays: e.RETENTION_OUTBOX_DAYS,
      submissionDays: e.RETENTION_SUBMISSION_DAYS,
      feedbackTextDays: e.RETENTION_FEEDBACK_TEXT_DAYS,
      staffSignInSourceDays: e.RETENTION_STAFF_SIGN_IN_SOURCE_DAYS,
      auditYears: e.RETENTION_AUDIT_YEARS,
    },
  }
}

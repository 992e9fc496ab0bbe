import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * The real PostgreSQL and Redis the adapter suites run against. Every development and CI
 * machine has them on loopback, so the defaults need no configuration. Where one is absent
 * the suites say so and skip — except under CI=true, where a missing server is a failure
 * (a gate that silently skips is no gate).
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export type Service = 'postgres' | 'redis'

const urls: Record<Service, { url: string; port: number }> = {
  postgres: { url: TEST_DATABASE_URL, port: 5432 },
  redis: { url: TEST_REDIS_URL, port: 6379 },
}

/**
 * A TCP connect in a child process, because jest decides `describe` vs `describe.skip`
 * synchronously while a test file is collected. The answer is cached in the environment
 * so later files in the same run do not pay for it again.
 */
function reachable(service: Service): boolean {
  const cacheKey = `PORTAL_TEST_${service.toUpperCase()}_REACHABLE`
  const cached = process.env[cacheKey]
  if (cached) return cached === 'yes'
  const { hostname, port } = new URL(urls[service].url)
  const probe = `const s=require('net').connect(${Number(port) || urls[service].port},${JSON.stringify(hostname)});s.setTimeout(1500,()=>process.exit(1));s.on('connect',()=>process.exit(0));s.on('error',()=>process.exit(1))`
  const ok = spawnSync(process.execPath, ['-e', probe], { timeout: 5000 }).status === 0
  process.env[cacheKey] = ok ? 'yes' : 'no'
  return ok
}

/** True when every service is reachable; prints why not, and throws under CI=true. */
export function servicesAvailable(...services: Service[]): boolean {
  const missing = services.filter((service) => !reachable(service))
  if (missing.length === 0) return true
  const message = missing.map((s) => `${s} is not reachable at ${urls[s].url}`).join('; ')
  if (process.env.CI === 'true') throw new Error(`${message}. CI=true requires the real servers.`)
  console.warn(`${message} — skipping these tests. Start it (or set TEST_DATABASE_URL / TEST_REDIS_URL) to run them.`)
  return false
}

/** `describe` when the services are there, `describe.skip` (with a message) when not. */
export function describeWith(services: Service[], name: string, fn: () => void): void {
  ;(servicesAvailable(...services) ? describe : describe.skip)(name, fn)
}

export const uniqueName = (stem: string): string => `${stem}_${randomBytes(6).toString('hex')}`

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

/** A brand-new database per test file, so suites never see each other's rows or schema. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('t')
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

/** A key prefix per test file; `redis-cli --scan --pattern 'test:*'` shows any leftovers. */
export const uniqueRedisPrefix = (): string => `test:${randomBytes(6).toString('hex')}:`

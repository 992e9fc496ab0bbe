import type { BootstrapOptions } from '../../app/bootstrap'
import { postgresFactory } from './backends'
import { servicesAvailable, TEST_REDIS_URL, uniqueRedisPrefix } from './services'

/**
 * Which stores the integration suite runs on. `npm test` runs it twice: once as is
 * (SQLite, the default deployment) and once with PORTAL_TEST_BACKEND=postgres
 * (PostgreSQL + Redis, the several-instances deployment), each test app in its own fresh
 * database and Redis key prefix.
 */
export const testBackend = (): 'sqlite' | 'postgres' =>
  process.env.PORTAL_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite'

export interface ProvisionedBackend {
  /** Extra environment for loadConfig: DATABASE_URL and REDIS_URL, or nothing. */
  env: Record<string, string>
  options: BootstrapOptions
  /** Drops the database and the Redis keys once the app is closed. */
  release(): Promise<void>
}

const nothing: ProvisionedBackend = { env: {}, options: {}, release: async () => undefined }

export async function provisionBackend(): Promise<ProvisionedBackend> {
  // Without the servers (and not in CI, where this throws) the run falls back to SQLite, saying so.
  if (testBackend() !== 'postgres' || !servicesAvailable('postgres', 'redis')) return nothing
  const database = await postgresFactory.create()
  const redisPrefix = uniqueRedisPrefix()
  return {
    env: { DATABASE_URL: database.target, REDIS_URL: TEST_REDIS_URL },
    options: { redisPrefix },
    async release() {
      await database.destroy()
      await deleteRedisKeys(redisPrefix)
    },
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const { createClient } = await import('redis')
  const client = await createClient({ url: TEST_REDIS_URL }).connect()
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
      if (keys.length) await client.del(keys)
  } finally {
    client.destroy()
  }
}

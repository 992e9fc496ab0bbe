import { createClient } from 'redis'
import type { BootstrapOptions } from '../../app/bootstrap'
import { postgresFactory } from './backends'
import { servicesAvailable, TEST_REDIS_URL, uniqueRedisPrefix } from './services'

/**
 * Which stores the integration suite runs on. `npm test` runs it twice: once as is
 * (SQLite, the default deployment) and once with PORTAL_TEST_BACKEND=postgres
 * (PostgreSQL + Redis, the several-instances deployment; see jest.config.js).
 */
export const testBackend = (): 'sqlite' | 'postgres' =>
  process.env.PORTAL_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite'

export interface ProvisionedBackend {
  /** Extra environment for loadConfig: DATABASE_URL and REDIS_URL, or nothing. */
  env: Record<string, string>
  options: BootstrapOptions
}

interface Held extends ProvisionedBackend {
  release(): Promise<void>
}

/** One database and key prefix per DATA_DIR, so a test that "restarts" the app finds its data. */
const held = new Map<string, Promise<Held>>()

async function provision(): Promise<Held> {
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

export async function provisionBackend(dataDir: string): Promise<ProvisionedBackend> {
  // Without the servers (and not in CI, where this throws) the run stays on SQLite, saying so.
  if (testBackend() !== 'postgres' || !servicesAvailable('postgres', 'redis')) return { env: {}, options: {} }
  let backend = held.get(dataDir)
  if (!backend) {
    backend = provision()
    held.set(dataDir, backend)
  }
  return backend
}

/** Drops every database and Redis key this test file created. */
export async function releaseAll(): Promise<void> {
  const all = [...held.values()]
  held.clear()
  for (const backend of all) await (await backend).release()
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const client = await createClient({ url: TEST_REDIS_URL }).connect()
  try {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 }))
      if (keys.length) await client.del(keys)
  } finally {
    client.destroy()
  }
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bootstrap } from '../../../app/bootstrap'
import { loadConfig } from '../../../app/config'
import { MemoryRateLimiter } from '../../../app/store/rate-limit'
import { RedisRateLimiter } from '../../../app/store/redis-rate-limit'
import { DbSessionStore } from '../../../app/store/sqlite-session-store'
import { postgresFactory } from '../../helpers/backends'
import { servicesAvailable, TEST_REDIS_URL } from '../../helpers/services'
import { storeCall } from '../../helpers/store-call'

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'portal-boot-'))

describe('choosing the stores from the environment', () => {
  it('needs no servers by default: SQLite in DATA_DIR, sessions in it, counts in memory', async () => {
    const dir = dataDir()
    const runtime = await bootstrap(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }))
    try {
      expect(runtime.db.dialect).toBe('sqlite')
      expect(runtime.sessionStore).toBeInstanceOf(DbSessionStore)
      expect(runtime.rateLimiter).toBeInstanceOf(MemoryRateLimiter)
      expect(fs.existsSync(path.join(dir, 'portal.sqlite'))).toBe(true)
    } finally {
      await runtime.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  ;(servicesAvailable('postgres', 'redis') ? it : it.skip)(
    'uses PostgreSQL for DATABASE_URL and Redis for REDIS_URL, migrated and ready',
    async () => {
      const database = await postgresFactory.create()
      const runtime = await bootstrap(
        loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir(), DATABASE_URL: database.target, REDIS_URL: TEST_REDIS_URL }),
      )
      try {
        expect(runtime.db.dialect).toBe('postgres')
        expect(runtime.rateLimiter).toBeInstanceOf(RedisRateLimiter)
        expect(runtime.sessionStore.constructor.name).toBe('RedisStore')
        expect(await runtime.db.get('SELECT COUNT(*) AS n FROM schema_migrations')).not.toEqual({ n: 0 })
      } finally {
        await runtime.close()
        await database.destroy()
      }
    },
  )

  ;(servicesAvailable('postgres') ? it : it.skip)(
    'keeps sessions in a shared PostgreSQL exact across instances when there is no Redis',
    async () => {
      const database = await postgresFactory.create()
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir(), DATABASE_URL: database.target })
      const [one, two] = [await bootstrap(config), await bootstrap(config)]
      const citizen = { cookie: { expires: new Date(Date.now() + 60_000), originalMaxAge: 60_000 }, lang: 'cy' }
      try {
        expect(one.sessionStore).toBeInstanceOf(DbSessionStore)
        await storeCall((cb) => one.sessionStore.set('shared', citizen as never, cb))
        expect(await storeCall((cb) => two.sessionStore.get('shared', cb))).toMatchObject({ lang: 'cy' })
        // "Delete my answers" served by the first instance ends the session on the second too.
        await storeCall((cb) => one.sessionStore.destroy('shared', cb))
        expect(await storeCall((cb) => two.sessionStore.get('shared', cb))).toBeNull()
      } finally {
        await one.close()
        await two.close()
        await database.destroy()
      }
    },
  )
})

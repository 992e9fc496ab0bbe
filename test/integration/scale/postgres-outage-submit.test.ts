import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Express } from 'express'
import pg from 'pg'
import { createApp } from '../../../app/app'
import { bootstrap, type Runtime } from '../../../app/bootstrap'
import { loadConfig } from '../../../app/config'
import { Browserish } from '../../helpers/app'
import {
  createTestDatabase,
  describeWith,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '../../helpers/services'
import { TcpProxy } from '../../helpers/tcp-proxy'
import { elapsed, expectWithin } from '../../helpers/elapsed'
import { answerAll, submit } from '../applications/harness'

const APP = 'dbs-basic'
const NOT_SENT = 'Sorry, we could not send your application'

/**
 * PostgreSQL goes away for this instance just as a citizen sends their application.
 * Sessions are in Redis (the several-instances deployment), so the request reaches the
 * route; the database sits behind a proxy the test cuts. The citizen is told to try again
 * (503, not the generic 500), their draft is untouched, and sending again once the
 * database is back stores the application exactly once.
 */
describeWith(['postgres', 'redis'], 'PostgreSQL unavailable when a citizen sends an application', () => {
  let database: TestDatabase
  let proxy: TcpProxy
  let runtime: Runtime
  let app: Express
  let inspector: pg.Client
  let dataDir: string

  beforeAll(async () => {
    database = await createTestDatabase()
    proxy = await TcpProxy.start(Number(new URL(database.url).port) || 5432)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-outage-'))
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: proxy.via(database.url),
      REDIS_URL: TEST_REDIS_URL,
      LOG_LEVEL: 'silent',
    })
    runtime = await bootstrap(config, { redisPrefix: uniqueRedisPrefix() })
    app = createApp(runtime)
    // The test's own view of the database, straight to the server, not through the proxy.
    inspector = new pg.Client({ connectionString: database.url })
    await inspector.connect()
  })

  afterAll(async () => {
    await inspector?.end()
    await runtime?.close()
    await proxy?.close()
    await database?.drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const draftOf = async (reference: string) =>
    (
      await inspector.query<{ answers: string; submitted_at: string | null }>(
        'SELECT answers, submitted_at FROM application_drafts WHERE reference = $1',
        [reference],
      )
    ).rows[0]

  it('says "try again" with a 503, keeps the draft whole, and sends it exactly once after recovery', async () => {
    const citizen = new Browserish(app)
    await answerAll(citizen, APP)
    const check = await citizen.get(`/apply/${APP}/check-answers`)
    expect(check.status).toBe(200)
    const declaration = await citizen.get(`/apply/${APP}/declaration`)
    expect(declaration.status).toBe(200)
    const reference = /([A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(
      (await citizen.get(`/apply/${APP}/task-list`)).text,
    )?.[1]
    expect(reference).toBeDefined()
    const before = await draftOf(reference as string)
    expect(before?.submitted_at).toBeNull()
    expect(Object.keys(JSON.parse(before?.answers ?? '{}')).length).toBeGreaterThan(5)

    await citizen.get(`/apply/${APP}/declaration`)
    proxy.cut()
    let failed
    try {
      const sent = await elapsed(() => citizen.post(`/apply/${APP}/declaration`, { confirm: 'yes' }))
      if (!sent.ok) throw sent.error
      expectWithin(sent.elapsed, 5000, 'Sending while PostgreSQL is cut off')
      failed = sent.value
    } finally {
      proxy.restore()
    }
    expect(failed.status).toBe(503)
    expect(failed.headers['retry-after']).toBeDefined()
    expect(failed.text).toContain(NOT_SENT)
    expect(failed.text).toContain('Your answers are saved')
    expect(failed.text).toContain(`href="/apply/${APP}/check-answers"`)
    expect(failed.text).toContain('govuk-button')
    expect(failed.text).not.toMatch(/DatabaseUnavailable|at .*\.ts:\d+|node_modules/)

    // Nothing half-written: the draft is exactly as it was, and nothing was submitted.
    expect(await draftOf(reference as string)).toEqual(before)
    const none = await inspector.query('SELECT 1 FROM submissions WHERE reference = $1', [reference])
    expect(none.rowCount).toBe(0)

    // Back on check answers (the page's button), then send again: confirmation, stored once.
    expect((await citizen.get(`/apply/${APP}/check-answers`)).status).toBe(200)
    const sent = await submit(citizen, APP)
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe(`/apply/${APP}/confirmation`)
    const confirmation = await citizen.follow(sent)
    expect(confirmation.status).toBe(200)
    expect(confirmation.text).toContain(reference)
    const stored = await inspector.query<{ answers: string }>('SELECT answers FROM submissions WHERE reference = $1', [
      reference,
    ])
    expect(stored.rowCount).toBe(1)
    expect(JSON.parse(stored.rows[0]?.answers ?? '{}')).toMatchObject({ fullName: 'Alys Jones' })

    // A refresh of the POST after success does not send it twice.
    await submit(citizen, APP)
    expect((await inspector.query('SELECT 1 FROM submissions WHERE reference = $1', [reference])).rowCount).toBe(1)
  })

  it('any other page met while the database is away is a 503 "try again later", then works again', async () => {
    const citizen = new Browserish(app)
    await answerAll(citizen, APP)
    proxy.cut()
    let during
    try {
      during = await citizen.get(`/apply/${APP}/task-list`)
    } finally {
      proxy.restore()
    }
    expect(during.status).toBe(503)
    expect(during.headers['retry-after']).toBeDefined()
    expect(during.text).toContain('Sorry, there is a problem with the service')
    expect(during.text).toContain('Try again later')
    expect(during.text).not.toMatch(/DatabaseUnavailable|at .*\.ts:\d+|node_modules/)
    expect((await citizen.get(`/apply/${APP}/task-list`)).status).toBe(200)
  })

  it('shows the same page in Welsh', async () => {
    const citizen = new Browserish(app)
    await citizen.get('/?lang=cy')
    await answerAll(citizen, 'care-worker-wales')
    await citizen.get('/apply/care-worker-wales/declaration')
    proxy.cut()
    let failed
    try {
      failed = await citizen.post('/apply/care-worker-wales/declaration', { confirm: 'yes' })
    } finally {
      proxy.restore()
    }
    expect(failed.status).toBe(503)
    expect(failed.text).toContain('<html lang="cy"')
    expect(failed.text).toContain('Mae’n ddrwg gennym, ni allem anfon eich cais')
  })
})

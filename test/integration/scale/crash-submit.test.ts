import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '../../../app/store/db'
import { PostgresDb } from '../../../app/store/postgres'
import { SqliteDb } from '../../../app/store/sqlite'
import { CookieClient } from '../../helpers/http-client'
import { JourneyWalk } from '../../helpers/journey-walk'
import { killAtCount } from '../../helpers/kill-at-count'
import { startPortal, type PortalProcess } from '../../helpers/portal-process'
import { createTestDatabase, servicesAvailable } from '../../helpers/services'
import { allSubmissions, apiKeysConfig } from '../../helpers/submissions-api'

const CITIZENS = 100
/** The portal is killed the moment this many of the 100 submissions are stored: half way. */
const CRASH_AFTER = 50
const APP = 'dbs-basic'
const CONFIRMATION = `/apply/${APP}/confirmation`

/** Where the portal keeps its data; a restarted process is given the same. */
interface Deployment {
  env: Record<string, string>
  dialect: Db['dialect']
  /** The SQLite file or PostgreSQL URL, for the kill switch's own connection. */
  target: string
  open(): Db
  destroy(): Promise<void>
}

function sqliteDeployment(): Promise<Deployment> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-crash-'))
  return Promise.resolve({
    env: { DATA_DIR: dir },
    dialect: 'sqlite',
    target: path.join(dir, 'portal.sqlite'),
    open: () => SqliteDb.inDataDir(dir),
    destroy: async () => fs.rmSync(dir, { recursive: true, force: true }),
  })
}

async function postgresDeployment(): Promise<Deployment> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-crash-'))
  const database = await createTestDatabase()
  return {
    // No REDIS_URL: sessions live in PostgreSQL too, so they also survive the crash.
    env: { DATA_DIR: dir, DATABASE_URL: database.url },
    dialect: 'postgres',
    target: database.url,
    open: () => new PostgresDb(database.url),
    destroy: async () => {
      await database.drop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** One number from the deployment's database, through a connection of the test's own. */
async function count(deployment: Deployment, sql: string): Promise<number> {
  const db = deployment.open()
  try {
    return Number((await db.get<{ n: number | string }>(sql))?.n)
  } finally {
    await db.close()
  }
}

/** Runs `fn` over `items` with at most `width` in flight: 100 journeys at once would only queue. */
async function inBatches<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: width }, worker))
  return results
}

/** What one citizen saw of their first submit, before and while the process died. */
interface FirstAttempt {
  /** The POST was answered with the redirect to the confirmation: the server had stored it. */
  stored: boolean
  /** The confirmation page was shown with this reference: the citizen was told it is sent. */
  acknowledged: string | undefined
}

const backends: [string, () => Promise<Deployment>][] = [
  ['SQLite', sqliteDeployment],
  ...(servicesAvailable('postgres') ? [['PostgreSQL', postgresDeployment] as [string, () => Promise<Deployment>]] : []),
]

// The idempotency key is the draft id the citizen's session points at (see
// app/applications/submit.ts): a retry from the same session is the same submission.
describe.each(backends)(`kill -9 in the middle of ${CITIZENS} concurrent submissions (%s)`, (backend, deploy) => {
  let deployment: Deployment
  let portal: PortalProcess | undefined
  let stopKillSwitch: () => void = () => undefined
  let origin = ''
  const start = async () => {
    portal = await startPortal({ ...deployment.env, SUBMISSIONS_API_KEYS: apiKeysConfig() })
    origin = portal.url
  }

  beforeAll(async () => {
    deployment = await deploy()
    await start()
  }, 90_000)

  afterAll(async () => {
    stopKillSwitch()
    await portal?.kill()
    await deployment?.destroy()
  })

  it('stores every acknowledged application exactly once, and every draft that reached submit', async () => {
    const walks = Array.from({ length: CITIZENS }, () => new JourneyWalk(new CookieClient(), APP, () => origin))
    const references = await inBatches(walks, 8, (walk) => walk.toDeclaration({ loadEveryPage: false }))
    expect(new Set(references).size).toBe(CITIZENS)

    const crashing = portal as PortalProcess
    const killSwitch = killAtCount(deployment.dialect, deployment.target, crashing.child.pid as number, CRASH_AFTER)
    stopKillSwitch = killSwitch.stop
    await killSwitch.ready
    let answered = 0
    const first = await Promise.all(
      walks.map(async (walk): Promise<FirstAttempt> => {
        const attempt: FirstAttempt = { stored: false, acknowledged: undefined }
        try {
          const reply = await walk.submit()
          answered++
          attempt.stored = reply.status === 303 && reply.location === CONFIRMATION
          attempt.acknowledged = await walk.confirmedReference()
        } catch {
          // Connection cut by the kill: the citizen sees an error and will try again.
        }
        return attempt
      }),
    )
    const seenAtKill = await killSwitch.fired
    await crashing.kill()
    const storedAtCrash = await count(deployment, 'SELECT COUNT(*) AS n FROM submissions')
    await start()

    const retried = await Promise.all(
      walks.map(async (walk) => {
        const reply = await walk.submit()
        return { status: reply.status, location: reply.location, reference: await walk.confirmedReference() }
      }),
    )

    const acknowledgedBefore = first.filter((attempt) => attempt.acknowledged).length
    const storedBefore = first.filter((attempt) => attempt.stored).length
    console.log(
      `${backend}: killed at ${seenAtKill} stored, ${storedAtCrash} of ${CITIZENS} stored when it died; ` +
        `${answered} submits answered, ${storedBefore} redirected to the confirmation, ${acknowledgedBefore} ` +
        `saw it; all ${CITIZENS} retried after the restart`,
    )
    // The kill really cut the batch in the middle, or this test would prove nothing.
    expect(storedAtCrash).toBeGreaterThanOrEqual(CRASH_AFTER)
    expect(storedAtCrash).toBeLessThan(CITIZENS)
    expect(storedBefore).toBeLessThanOrEqual(storedAtCrash)

    // Each citizen, acknowledged before the crash or not, ends on the confirmation of their own draft.
    first.forEach((attempt, i) => {
      if (attempt.acknowledged) expect(attempt.acknowledged).toBe(references[i])
    })
    retried.forEach((retry, i) => {
      expect(retry).toEqual({ status: 303, location: CONFIRMATION, reference: references[i] })
    })

    // Stored exactly once each: one row, one audit event and one email per draft, none extra.
    const listed = (await allSubmissions(origin)).map((item) => item.reference)
    expect(listed).toHaveLength(CITIZENS)
    expect([...listed].sort()).toEqual([...references].sort())
    const stored = (sql: string) => count(deployment, sql)
    expect(await stored('SELECT COUNT(*) AS n FROM submissions')).toBe(CITIZENS)
    expect(await stored('SELECT COUNT(DISTINCT draft_id) AS n FROM submissions')).toBe(CITIZENS)
    expect(await stored('SELECT COUNT(*) AS n FROM application_drafts WHERE submitted_at IS NOT NULL')).toBe(CITIZENS)
    expect(await stored("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'application-submitted'")).toBe(CITIZENS)
    expect(await stored("SELECT COUNT(*) AS n FROM outbox WHERE template = 'application-submitted'")).toBe(CITIZENS)
  }, 150_000)
})

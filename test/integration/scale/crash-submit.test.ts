import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '../../../app/store/db'
import { PostgresDb } from '../../../app/store/postgres'
import { SqliteDb } from '../../../app/store/sqlite'
import { CookieClient } from '../../helpers/http-client'
import { JourneyWalk } from '../../helpers/journey-walk'
import { startPortal, type PortalProcess } from '../../helpers/portal-process'
import { createTestDatabase, servicesAvailable } from '../../helpers/services'
import { allSubmissions, TEST_SUBMISSIONS_API_KEY } from '../../helpers/submissions-api'

const CITIZENS = 100
/** The portal is killed when this many of the 100 submissions have been answered: half way. */
const CRASH_AFTER = 50
const APP = 'dbs-basic'
const CONFIRMATION = `/apply/${APP}/confirmation`

/** Where the portal keeps its data; a restarted process is given the same. */
interface Deployment {
  env: Record<string, string>
  open(): Db
  destroy(): Promise<void>
}

function sqliteDeployment(): Promise<Deployment> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-crash-'))
  return Promise.resolve({
    env: { DATA_DIR: dir },
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
    open: () => new PostgresDb(database.url),
    destroy: async () => {
      await database.drop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
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
  let deployment: Deployment | undefined
  let portal: PortalProcess | undefined
  let origin = ''
  const start = async () => {
    portal = await startPortal({ ...deployment?.env, SUBMISSIONS_API_KEY: TEST_SUBMISSIONS_API_KEY })
    origin = portal.url
  }

  beforeAll(async () => {
    deployment = await deploy()
    await start()
  }, 90_000)

  afterAll(async () => {
    await portal?.kill()
    await deployment?.destroy()
  })

  it('stores every acknowledged application exactly once, and every draft that reached submit', async () => {
    const walks = Array.from({ length: CITIZENS }, () => new JourneyWalk(new CookieClient(), APP, () => origin))
    const references = await inBatches(walks, 8, (walk) => walk.toDeclaration())
    expect(new Set(references).size).toBe(CITIZENS)

    const crashing = portal as PortalProcess
    let answered = 0
    const first = await Promise.all(
      walks.map(async (walk): Promise<FirstAttempt> => {
        const attempt: FirstAttempt = { stored: false, acknowledged: undefined }
        try {
          const reply = await walk.submit()
          // SIGKILL at once, from inside the answer that makes it half, while the rest are in flight.
          if (++answered === CRASH_AFTER) void crashing.kill()
          attempt.stored = reply.status === 303 && reply.location === CONFIRMATION
          attempt.acknowledged = await walk.confirmedReference()
        } catch {
          // Connection cut by the kill: the citizen sees an error and will try again.
        }
        return attempt
      }),
    )
    await crashing.kill()
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
      `${backend}: ${answered} of ${CITIZENS} submits answered before the kill, ${storedBefore} redirected to ` +
        `the confirmation, ${acknowledgedBefore} saw it; all ${CITIZENS} retried after the restart`,
    )
    // The kill really cut the run in the middle, or this test would prove nothing.
    expect(answered).toBeGreaterThanOrEqual(CRASH_AFTER)
    expect(acknowledgedBefore).toBeLessThan(CITIZENS)

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
    const db = (deployment as Deployment).open()
    try {
      const count = async (sql: string) => Number((await db.get<{ n: number | string }>(sql))?.n)
      expect(await count('SELECT COUNT(*) AS n FROM submissions')).toBe(CITIZENS)
      expect(await count('SELECT COUNT(DISTINCT draft_id) AS n FROM submissions')).toBe(CITIZENS)
      expect(await count('SELECT COUNT(*) AS n FROM application_drafts WHERE submitted_at IS NOT NULL')).toBe(CITIZENS)
      expect(await count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'application-submitted'")).toBe(
        CITIZENS,
      )
      expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE template = 'application-submitted'")).toBe(CITIZENS)
    } finally {
      await db.close()
    }
  }, 150_000)
})

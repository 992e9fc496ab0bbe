import { createTestDatabase, describeWith, TEST_REDIS_URL, type TestDatabase } from '../../helpers/services'
import { CookieClient } from '../../helpers/http-client'
import { alternating, JourneyWalk } from '../../helpers/journey-walk'
import { startPortals, type PortalProcess } from '../../helpers/portal-process'
import { allSubmissions, apiKeysConfig } from '../../helpers/submissions-api'

// Two real processes on different ports, one PostgreSQL database and one Redis between
// them: a load balancer may send each of a citizen's requests to either.
describeWith(['postgres', 'redis'], 'two instances sharing PostgreSQL and Redis', () => {
  let database: TestDatabase
  let a: PortalProcess
  let b: PortalProcess

  beforeAll(async () => {
    database = await createTestDatabase()
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, SUBMISSIONS_API_KEYS: apiKeysConfig() }
    // Started together, so both run migrations at the same moment.
    const started = await startPortals(2, env)
    a = started[0] as PortalProcess
    b = started[1] as PortalProcess
  }, 150_000)

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await database?.drop()
  })

  it('both start against one empty database, migrating it once', async () => {
    expect((await fetch(`${a.url}/ready`)).status).toBe(200)
    expect((await fetch(`${b.url}/ready`)).status).toBe(200)
  })

  it('remembers a citizen’s choice made on one instance when the next page comes from the other', async () => {
    const citizen = new CookieClient()
    expect((await citizen.get(`${a.url}/?lang=cy`)).text).toContain('lang="cy"')
    expect((await citizen.get(`${b.url}/`)).text).toContain('lang="cy"')
    expect((await citizen.get(`${a.url}/`)).text).toContain('lang="cy"')
  })

  it('takes one citizen’s application to its confirmation with every other request on the other instance', async () => {
    const walk = new JourneyWalk(new CookieClient(), 'dbs-basic', alternating(a.url, b.url))
    const reference = await walk.toDeclaration()
    const sent = await walk.submit()
    expect(sent.status).toBe(303)
    expect(sent.location).toBe('/apply/dbs-basic/confirmation')
    expect(await walk.confirmedReference()).toBe(reference)
    // Start page, task list, 13 questions loaded and answered, task list, check answers,
    // declaration, submit, confirmation: 33 requests, 17 on A and 16 on B in turn.
    expect(walk.requests).toBe(33)

    for (const instance of [a, b]) {
      const listed = await allSubmissions(instance.url)
      expect(listed.map((item) => [item.reference, item.application])).toEqual([[reference, 'dbs-basic']])
    }
  })
})

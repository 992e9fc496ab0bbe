import request from 'supertest'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { LogCapture } from '../../helpers/log-capture'
import { apiKeysConfig } from '../../helpers/submissions-api'
import { answerAll, submit } from './harness'
import { apiKeyNew } from '../../../app/cli/api-key-new'
import { ConfigError, loadConfig } from '../../../app/config'

const DBS_KEY = 'dbs-provider-key-0123456789abcdef'
const WALES_OLD = 'wales-old-key-0123456789abcdef'
const WALES_NEW = 'wales-new-key-0123456789abcdef'

// Issue 20, item 6: several named keys, stored hashed, each limited to its applications,
// rotatable without downtime, every read audited and throttled, items holding only what a
// provider needs.
describe('the hand-over API’s keys', () => {
  let t: TestApp
  const log = new LogCapture()
  const references: Record<string, string> = {}
  beforeAll(async () => {
    t = await createTestApp(
      {
        LOG_LEVEL: 'info',
        SUBMISSIONS_API_KEYS: apiKeysConfig(
          { name: 'dbs-provider', key: DBS_KEY, applications: ['dbs-basic'] },
          // Rotation: the old and the new key of one provider are both live for a while.
          { name: 'social-care-wales', key: WALES_OLD, applications: ['care-worker-wales'] },
          { name: 'social-care-wales', key: WALES_NEW, applications: ['care-worker-wales'] },
        ),
      },
      { logDestination: log.stream },
    )
    for (const app of ['dbs-basic', 'care-worker-wales']) {
      t.clock.advanceMinutes(1)
      const browser = new Browserish(t.app)
      await answerAll(browser, app)
      const sent = await submit(browser, app)
      const confirmation = await browser.follow(sent)
      references[app] = /([A-Z]{3}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(confirmation.text)?.[1] ?? ''
    }
  })
  afterAll(() => t.close())

  const get = (url: string, key: string) => request(t.app).get(url).set('Authorization', `Bearer ${key}`)
  const applicationsIn = (res: request.Response) =>
    (res.body.items as { application: string }[]).map((i) => i.application)

  it('lists only the applications a key is for', async () => {
    expect(applicationsIn(await get('/api/v1/submissions', DBS_KEY))).toEqual(['dbs-basic'])
    expect(applicationsIn(await get('/api/v1/submissions', WALES_NEW))).toEqual(['care-worker-wales'])
    // Asking for another provider's application finds nothing rather than an error that confirms it exists.
    expect(applicationsIn(await get('/api/v1/submissions?application=care-worker-wales', DBS_KEY))).toEqual([])
  })

  it('answers "not found" for another provider’s application read by its reference', async () => {
    expect((await get(`/api/v1/submissions/${references['care-worker-wales']}`, DBS_KEY)).status).toBe(404)
    expect(log.events('api-refused').at(-1)).toMatchObject({ reason: 'out-of-scope', key: 'dbs-provider' })
    expect((await get(`/api/v1/submissions/${references['care-worker-wales']}`, WALES_OLD)).status).toBe(200)
  })

  it('accepts the old and the new key of a provider while it rotates', async () => {
    for (const key of [WALES_OLD, WALES_NEW]) expect((await get('/api/v1/submissions', key)).status).toBe(200)
  })

  it('gives a provider only what it needs: no member of staff, no start time', async () => {
    const item = ((await get('/api/v1/submissions', DBS_KEY)).body.items as Record<string, unknown>[])[0]
    expect(Object.keys(item ?? {}).sort()).toEqual(
      ['answers', 'application', 'channel', 'consentAt', 'locale', 'reference', 'submittedAt'].sort(),
    )
  })

  it('audits every application read by the name of the key that read it', async () => {
    const reference = references['dbs-basic'] ?? ''
    const before = await t.runtime.db.all<{ actor_id: string }>(
      "SELECT actor_id FROM audit_events WHERE reference = $1 AND action = 'submission-read'",
      [reference],
    )
    await get(`/api/v1/submissions/${reference}`, DBS_KEY)
    const after = await t.runtime.db.all<{ actor_type: string; actor_id: string }>(
      "SELECT actor_type, actor_id FROM audit_events WHERE reference = $1 AND action = 'submission-read'",
      [reference],
    )
    expect(after).toHaveLength(before.length + 1)
    expect(after.at(-1)).toEqual({ actor_type: 'provider', actor_id: 'dbs-provider' })
    expect(log.events('api-read').at(-1)).toMatchObject({ key: 'dbs-provider', items: 1 })
  })

  it('slows a key down after 120 requests a minute, with Retry-After, without touching other keys', async () => {
    let refused: request.Response | undefined
    for (let i = 0; i < 130 && !refused; i++) {
      const res = await get('/api/v1/submissions?application=nothing-here', WALES_OLD)
      if (res.status === 429) refused = res
    }
    expect(refused?.status).toBe(429)
    // The window is a minute: the collector is told to wait no longer than that.
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(refused?.headers['retry-after'])).toBeLessThanOrEqual(60)
    // The rotated pair is one provider: its new key is slowed too; another provider is not.
    expect((await get('/api/v1/submissions', WALES_NEW)).status).toBe(429)
    expect((await get('/api/v1/submissions', DBS_KEY)).status).toBe(200)
    expect(log.events('rate-limit-refused').at(-1)).toMatchObject({ limit: 'api-key' })
    expect(log.events('api-refused').at(-1)).toMatchObject({ reason: 'throttled', key: 'social-care-wales' })
  })

  it('refuses the key itself written where its hash belongs, and a key for an unknown application', async () => {
    const plain = JSON.stringify([{ name: 'oops', sha256: DBS_KEY, applications: ['dbs-basic'] }])
    expect(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: t.dataDir, SUBMISSIONS_API_KEYS: plain })).toThrow(
      ConfigError,
    )
    await expect(
      createTestApp({ SUBMISSIONS_API_KEYS: apiKeysConfig({ name: 'x', key: DBS_KEY, applications: ['dbs-basc'] }) }),
    ).rejects.toThrow(/unknown applications: x: dbs-basc/)
  })
})

describe('npm run api-key:new', () => {
  const run = async (...argv: string[]) => {
    const out: string[] = []
    const err: string[] = []
    const code = await apiKeyNew(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) }, () => new Date())
    return { code, out, err }
  }

  it('prints a key once and the entry that lets exactly that key read its applications', async () => {
    const made = await run('--name', 'dbs-provider', '--applications', 'dbs-basic')
    expect(made.code).toBe(0)
    const key = made.out[1] ?? ''
    const entry = made.out[3] ?? ''
    expect(entry).not.toContain(key)
    const t = await createTestApp({ SUBMISSIONS_API_KEYS: `[${entry}]` })
    try {
      const ok = await request(t.app).get('/api/v1/submissions').set('Authorization', `Bearer ${key}`)
      expect(ok.status).toBe(200)
      const wrong = await request(t.app).get('/api/v1/submissions').set('Authorization', `Bearer ${key}x`)
      expect(wrong.status).toBe(401)
    } finally {
      await t.close()
    }
  })

  it('explains a mistyped application or a missing name', async () => {
    const typo = await run('--name', 'p', '--applications', 'dbs-basc')
    expect(typo.code).toBe(2)
    expect(typo.err.join('\n')).toContain('Unknown application: dbs-basc')
    expect((await run('--applications', 'dbs-basic')).code).toBe(2)
  })
})

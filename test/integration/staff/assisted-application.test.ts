import request from 'supertest'
import { staffAdd } from '../../../app/cli/staff-add'
import { personasFor } from '../../helpers/personas'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { signInFirstTime } from '../../helpers/staff'
import { DOB, journeys } from '../applications/fixtures'
import { completeOutcome } from './outcome-journey'
import { apiKeysConfig } from '../../helpers/submissions-api'

const API_KEY = 'staff-test-submissions-key-0123456789'
const REFERENCE = /([A-Z]{3}-[2-9A-Z]{4}-[2-9A-Z]{4})/

/** Every text-like input that names an autocomplete token says "off". */
function autocompleteTokens(html: string): string[] {
  return [...html.matchAll(/<input[^>]*class="govuk-input[^"]*"[^>]*>/g)]
    .map((m) => /autocomplete="([^"]*)"/.exec(m[0])?.[1] ?? '(none)')
    .filter((token) => token !== '(none)')
}

/** Answers an application page by page, checking each page as it is shown. */
async function answerPages(client: Browserish, app: string, steps: [string, Record<string, string | string[]>][]) {
  const seen: { url: string; html: string }[] = []
  for (const [path, form] of steps) {
    const url = `/apply/${app}/${path}`
    const page = await client.get(url)
    seen.push({ url, html: page.text })
    const res = await client.post(url, { ...form, action: 'continue' })
    if (res.status !== 303) throw new Error(`${url} answered ${res.status}`)
  }
  return seen
}

describe('an adviser completing an outcome and an application for a citizen', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ SUBMISSIONS_API_KEYS: apiKeysConfig({ name: 'test-provider', key: API_KEY }) })
  })
  afterAll(() => t.close())
  const staffIdOf = async (reference: string) =>
    (
      await t.runtime.db.get<{ staff_id: string | null }>('SELECT staff_id FROM submissions WHERE reference = $1', [
        reference,
      ])
    )?.staff_id

  it('from staff:add to a confirmation: every page says “on behalf of”, and the API shows assisted + staff id', async () => {
    const out: string[] = []
    const argv = ['--email', 'helper@library.test', '--password', 'shelf-mark-42-lamp', '--role', 'adviser']
    expect(
      await staffAdd(
        argv,
        {
          NODE_ENV: 'test',
          DATA_DIR: t.dataDir,
          ...(t.config.databaseUrl ? { DATABASE_URL: t.config.databaseUrl } : {}),
        },
        { out: (l) => out.push(l), err: (l) => out.push(l) },
        t.clock.now,
      ),
    ).toBe(0)
    const staffId = /\(id ([0-9a-f-]{36})\)/.exec(out[0] ?? '')?.[1]
    const client = new Browserish(t.app)
    await signInFirstTime(client, { email: 'helper@library.test', password: 'shelf-mark-42-lamp' }, t.clock.now)
    expect((await client.post('/staff/start', { channel: 'phone', consent: 'yes' }, '/staff/start')).status).toBe(303)

    const persona = personasFor('work-in-care')[0]
    if (!persona) throw new Error('no persona')
    const pages = [{ url: '/', html: (await client.get('/')).text }, ...(await completeOutcome(client, persona))]

    const app = 'dbs-basic'
    for (const url of [`/apply/${app}`, `/apply/${app}/task-list`])
      pages.push({ url, html: (await client.get(url)).text })
    const questions = await answerPages(client, app, journeys[app] ?? [])
    pages.push(...questions)
    for (const url of [`/apply/${app}/check-answers`, `/apply/${app}/declaration`])
      pages.push({ url, html: (await client.get(url)).text })
    const declaration = pages.at(-1)?.html ?? ''
    expect(declaration).toContain('The applicant has confirmed that')

    const sent = await client.post(`/apply/${app}/declaration`, { confirm: 'yes' })
    expect(sent.status).toBe(303)
    const confirmation = await client.follow(sent)
    pages.push({ url: sent.headers.location ?? '', html: confirmation.text })
    const reference = REFERENCE.exec(
      /govuk-panel[\s\S]*?<\/div>\s*<\/div>/.exec(confirmation.text)?.[0] ?? confirmation.text,
    )?.[1]
    expect(reference).toBeDefined()

    for (const page of pages)
      expect({ url: page.url, onBehalf: page.html.includes('on behalf of') }).toEqual({ url: page.url, onBehalf: true })
    // No field holding the citizen's data lets the browser offer someone else's details.
    for (const page of questions)
      expect({ url: page.url, tokens: autocompleteTokens(page.html).filter((x) => x !== 'off') }).toEqual({
        url: page.url,
        tokens: [],
      })
    expect(questions.some((p) => autocompleteTokens(p.html).includes('off'))).toBe(true)

    const api = await request(t.app).get('/api/v1/submissions').set('Authorization', `Bearer ${API_KEY}`)
    expect(api.status).toBe(200)
    const item = (api.body.items as Record<string, unknown>[]).find((i) => i.reference === reference)
    // The provider learns it was assisted and when consent was given; who helped stays with us.
    expect(item).toMatchObject({ channel: 'assisted' })
    expect(item).not.toHaveProperty('staffId')
    expect(typeof item?.consentAt).toBe('string')
    expect(await staffIdOf(String(reference))).toBe(staffId)

    const cases = await client.get('/staff/cases')
    expect(cases.text).toContain(reference)
  })

  it('resumes a citizen’s saved draft by reference and date of birth, and submits it as assisted', async () => {
    const app = 'dbs-basic'
    const steps = journeys[app] ?? []
    const citizen = new Browserish(t.app)
    await citizen.get(`/apply/${app}/task-list`)
    await answerPages(citizen, app, steps.slice(0, 4))
    await citizen.post(`/apply/${app}/save`, { email: 'alys@example.com' }, `/apply/${app}/save`)
    const saved = await citizen.get(`/apply/${app}/saved`)
    const reference = REFERENCE.exec(saved.text)?.[1] ?? ''
    expect(reference).not.toBe('')

    const out: string[] = []
    await staffAdd(
      ['--email', 'resumer@library.test', '--password', 'shelf-mark-43-lamp', '--role', 'adviser'],
      {
        NODE_ENV: 'test',
        DATA_DIR: t.dataDir,
        ...(t.config.databaseUrl ? { DATABASE_URL: t.config.databaseUrl } : {}),
      },
      { out: (l) => out.push(l), err: (l) => out.push(l) },
      t.clock.now,
    )
    const staffId = /\(id ([0-9a-f-]{36})\)/.exec(out[0] ?? '')?.[1]
    const client = new Browserish(t.app)
    await signInFirstTime(client, { email: 'resumer@library.test', password: 'shelf-mark-43-lamp' }, t.clock.now)
    const [y, m, d] = DOB.split('-')
    const form = {
      reference,
      'dateOfBirth-day': String(Number(d)),
      'dateOfBirth-month': String(Number(m)),
      'dateOfBirth-year': y ?? '',
      channel: 'video',
      consent: 'yes',
    }

    const wrong = await client.post('/staff/resume', { ...form, 'dateOfBirth-year': '1991' }, '/staff/resume')
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('We could not find a saved application')

    const resumed = await client.post('/staff/resume', form, '/staff/resume')
    expect(resumed.status).toBe(303)
    expect(resumed.headers.location).toBe(`/apply/${app}/task-list`)
    const taskList = await client.follow(resumed)
    expect(taskList.text).toContain('on behalf of')
    expect(taskList.text).toContain(reference)
    await answerPages(client, app, steps.slice(4))
    const sent = await client.post(`/apply/${app}/declaration`, { confirm: 'yes' }, `/apply/${app}/declaration`)
    expect(sent.status).toBe(303)

    const api = await request(t.app).get(`/api/v1/submissions/${reference}`).set('Authorization', `Bearer ${API_KEY}`)
    expect(api.body.items[0]).toMatchObject({ reference, channel: 'assisted' })
    expect(await staffIdOf(reference)).toBe(staffId)
    const trail = await t.runtime.db.all<{ action: string }>(
      'SELECT action FROM audit_events WHERE reference = $1 AND actor_id = $2',
      [reference, staffId ?? ''],
    )
    expect(trail.map((r) => r.action)).toEqual(expect.arrayContaining(['assisted-resume', 'application-submitted']))
  })
})

import { formFor } from '../../../app/triage/page-states'
import { PERSONAS, type Persona } from '../../../app/triage/personas'
import { outcomeById } from '../../helpers/triage'
import type { AddressInfo } from 'node:net'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { CookieClient } from '../../helpers/http-client'
import { signedInClient } from '../../helpers/staff'
import { completeOutcome } from '../staff/outcome-journey'
import { answerAll, submit } from '../applications/harness'
import { journeys } from '../applications/fixtures'

interface Row {
  day: string
  outcome: string
  nation: string
  language: string
  channel: string
  measure: string
  subject: string
  n: number
}

let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
})
afterAll(() => testApp.close())

async function rows(): Promise<Row[]> {
  await testApp.runtime.insights.flush()
  return testApp.runtime.db.all<Row>('SELECT * FROM insight_counts')
}

/** The sum of a measure's cells, optionally for one subject and any other field. */
async function total(measure: string, where: Partial<Row> = {}): Promise<number> {
  return (await rows())
    .filter((r) => r.measure === measure && Object.entries(where).every(([k, v]) => r[k as keyof Row] === v))
    .reduce((sum, r) => sum + Number(r.n), 0)
}

function personaIn(outcome: string, nation: string): Persona {
  const found = PERSONAS.find((p) => p.outcome === outcome && p.nation === nation)
  if (!found) throw new Error(`No persona for ${outcome} in ${nation}`)
  return found
}
const persona = personaIn('work-in-care', 'wales')

/** A citizen answering every question the portal asks until the plan. */
async function toPlan(browser: Browserish, who: Persona, lang?: 'cy') {
  if (lang) await browser.get(`/?lang=${lang}`)
  let res = await browser.follow(await browser.get(`/outcomes/${who.outcome}`))
  const asked: string[] = []
  for (let guard = 0; guard < 20; guard++) {
    const path = new URL(res.request.url).pathname
    if (path.endsWith('/plan')) {
      // Every ending links to the feedback page, saying where the citizen came from.
      expect(res.text).toContain(`href="/feedback?from=plan&outcome=${who.outcome}"`)
      return asked
    }
    const id = path.split('/').pop() ?? ''
    const question = outcomeById(who.outcome).questions.find((q) => q.id === id)
    const answer = who.answers[id]
    if (!question || answer === undefined) throw new Error(`Asked ${id}, which the persona has no answer for`)
    asked.push(id)
    res = await browser.follow(await browser.post(path, formFor(question, answer)))
  }
  throw new Error('The journey never reached the plan')
}

describe('service-owner counts, kept on the server', () => {
  it('counts each journey once however often its pages are shown, exactly, with 12 citizens at once', async () => {
    const before = await rows()
    expect(before).toEqual([])
    const citizens = Array.from({ length: 12 }, () => new Browserish(testApp.app))
    const paths = await Promise.all(citizens.map((c) => toPlan(c, persona)))
    // Each citizen comes back to the start and the plan again: still one journey each.
    await Promise.all(citizens.map(async (c) => c.follow(await c.get(`/outcomes/${persona.outcome}`))))

    expect(await total('journey-started', { outcome: persona.outcome })).toBe(12)
    expect(await total('plan-reached', { outcome: persona.outcome })).toBe(12)
    expect(await total('plan-seconds', { outcome: persona.outcome })).toBe(12)
    const asked = paths[0] ?? []
    for (const question of asked) {
      expect(await total('question-reached', { subject: question })).toBe(12)
      expect(await total('question-answered', { subject: question })).toBe(12)
      expect(await total('question-view', { subject: question })).toBe(12)
    }
    // Counted before the nation question was answered: nation unknown; after it, the nation named.
    expect(await total('journey-started', { nation: 'unknown' })).toBe(12)
    expect(await total('plan-reached', { nation: persona.nation })).toBe(12)
    expect(await total('plan-reached', { language: 'en', channel: 'online' })).toBe(12)
    // Every row is today's (the app's pinned clock), in UTC.
    expect(new Set((await rows()).map((r) => r.day))).toEqual(new Set([testApp.clock.now().toISOString().slice(0, 10)]))
  })

  it('counts the validation messages people meet, by question and message, in their language', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/?lang=cy')
    await browser.follow(await browser.get('/outcomes/caring'))
    for (let i = 0; i < 3; i++) expect((await browser.post('/outcomes/caring/nation', {})).status).toBe(400)
    const messages = (await rows()).filter((r) => r.measure === 'validation' && r.outcome === 'caring')
    expect(messages).toEqual([
      expect.objectContaining({ subject: expect.stringMatching(/^nation:.+error$/), language: 'cy', n: 3 }),
    ])
    // Reached the first question and left it: one exit there, for the funnel.
    expect(await total('question-reached', { outcome: 'caring', subject: 'nation' })).toBe(1)
    expect(await total('question-answered', { outcome: 'caring', subject: 'nation' })).toBe(0)
  })

  it('counts application starts, page views, saves and submissions with the time from start to submit', async () => {
    const browser = new Browserish(testApp.app)
    await answerAll(browser, 'dbs-basic')
    const confirmation = await browser.follow(await submit(browser, 'dbs-basic'))
    expect(confirmation.text).toContain('href="/feedback?from=confirmation&outcome=work-in-care"')
    // A second submit (double click) is the same submission, not another.
    await submit(browser, 'dbs-basic')
    expect(await total('application-started', { subject: 'dbs-basic' })).toBe(1)
    expect(await total('application-submitted', { subject: 'dbs-basic' })).toBe(1)
    expect(await total('submit-seconds', { outcome: 'work-in-care' })).toBe(1)
    expect(await total('page-view', { subject: 'dbs-basic/name' })).toBe(1)
  })

  it('files an adviser’s journey for a citizen under the assisted channel, not online', async () => {
    const { client } = await signedInClient(testApp, 'adviser')
    await client.post('/staff/start', { channel: 'phone', consent: 'yes' }, '/staff/start')
    const caring = personaIn('caring', 'scotland')
    await completeOutcome(client, caring)
    expect(await total('journey-started', { outcome: 'caring', channel: 'assisted' })).toBe(1)
    expect(await total('plan-reached', { outcome: 'caring', channel: 'assisted', nation: 'scotland' })).toBe(1)
    expect(await total('plan-reached', { outcome: 'caring', channel: 'online' })).toBe(0)
  })

  it('stores nothing a citizen typed: no name, email, phone, address, date or reference in any count', async () => {
    const browser = new Browserish(testApp.app)
    await answerAll(browser, 'dbs-basic')
    // A wrong email on the save page: its message is counted, the address never is.
    await browser.post(
      '/apply/dbs-basic/email',
      { email: 'not-an-email@', action: 'continue' },
      '/apply/dbs-basic/email',
    )
    await submit(browser, 'dbs-basic')
    // Counted by page, field and message key: `application/page:field:kind.code`.
    expect(await total('validation', { subject: 'dbs-basic/email:email:email.format' })).toBe(1)
    const typed = (journeys['dbs-basic'] ?? [])
      .flatMap(([, form]) => Object.values(form).flat())
      .filter((value) => value.length > 3 && !['wales', 'job'].includes(value))
    expect(typed).toEqual(expect.arrayContaining(['Alys Jones', 'alys@example.com', '07700 900 982', 'CF10 1AA']))
    const stored = await rows()
    const text = JSON.stringify(stored)
    for (const value of [...typed, 'not-an-email@']) expect(text).not.toContain(value)
    // Every field is a closed-list value: ids, copy keys and numbers, never free text.
    for (const row of stored) {
      expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(['en', 'cy']).toContain(row.language)
      expect(['online', 'assisted']).toContain(row.channel)
      expect(row.subject).toMatch(/^[A-Za-z0-9._:/-]*$/)
      expect(Object.keys(row).sort()).toEqual([
        'channel',
        'day',
        'language',
        'measure',
        'n',
        'nation',
        'outcome',
        'subject',
      ])
    }
  })
})

describe('two app instances on one database', () => {
  it('count every journey once when each citizen’s requests alternate between them', async () => {
    const first = await createTestApp()
    const second = await createTestApp({ DATA_DIR: first.dataDir }, { clock: first.clock })
    const servers = [first.app.listen(0, '127.0.0.1'), second.app.listen(0, '127.0.0.1')]
    await Promise.all(servers.map((s) => new Promise((resolve) => s.once('listening', resolve))))
    const origins = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`)
    try {
      // Eight citizens at once; each request goes to the other instance than the one before.
      await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const citizen = new CookieClient()
          let request = i
          const origin = () => origins[request++ % 2] as string
          let reply = await citizen.get(`${origin()}/outcomes/${persona.outcome}`)
          while (reply.location && !reply.location.endsWith('/plan')) {
            const path = reply.location
            const id = path.split('/').pop() ?? ''
            const question = outcomeById(persona.outcome).questions.find((q) => q.id === id)
            const answer = persona.answers[id]
            if (!question || answer === undefined) throw new Error(`Asked ${id}`)
            expect((await citizen.get(`${origin()}${path}`)).status).toBe(200)
            reply = await citizen.post(`${origin()}${path}`, formFor(question, answer))
          }
          expect((await citizen.get(`${origin()}/outcomes/${persona.outcome}/plan`)).status).toBe(200)
          // Back to the plan on the other instance: the same journey, not a new one.
          expect((await citizen.get(`${origin()}/outcomes/${persona.outcome}/plan`)).status).toBe(200)
        }),
      )
      await Promise.all([first.runtime.insights.flush(), second.runtime.insights.flush()])
      const sum = async (measure: string) =>
        Number(
          (
            await first.runtime.db.get<{ n: number }>('SELECT SUM(n) AS n FROM insight_counts WHERE measure = $1', [
              measure,
            ])
          )?.n,
        )
      expect(await sum('journey-started')).toBe(8)
      expect(await sum('plan-reached')).toBe(8)
      expect(await sum('question-answered')).toBe(8 * Object.keys(persona.answers).length)
    } finally {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
      await second.close()
      await first.close()
    }
  })
})

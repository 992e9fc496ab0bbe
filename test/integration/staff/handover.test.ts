import { createTestApp, type Browserish, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'
import { answerSteps } from '../../../app/triage/answer-steps'
import { PERSONA_DAY, PERSONAS } from '../../../app/triage/personas'
import { outcomeById } from '../../../app/catalogue'
import { journeys } from '../applications/fixtures'

const persona = PERSONAS[0]
if (!persona) throw new Error('no personas')
const outcome = outcomeById(persona.outcome)
const APP = 'dbs-basic'

async function toPlan(client: Browserish) {
  for (const step of answerSteps(outcome, persona?.answers ?? {}, PERSONA_DAY)) {
    if ('get' in step) await client.get(step.get)
    else expect((await client.post(step.post, step.form)).status).toBe(303)
  }
}

async function helping(t: TestApp, label: string) {
  const signedIn = await signedInClient(t, 'adviser')
  await signedIn.client.post('/staff/start', { channel: 'phone', consent: 'yes', label }, '/staff/start')
  return signedIn
}

describe('handing over to the citizen: their plan or saved application, to their email, with their agreement', () => {
  let t: TestApp
  const outbox = (email: string) =>
    t.runtime.db.all<{ template: string; personalisation: string }>(
      'SELECT template, personalisation FROM outbox WHERE recipient = $1',
      [email],
    )
  /** Every audit row of the adviser, every column as text: the address must be in none. */
  const trailOf = async (staffId: string) =>
    (await t.runtime.db.all<Record<string, unknown>>('SELECT * FROM audit_events WHERE actor_id = $1', [staffId])).map(
      (row) => Object.values(row).join(' | '),
    )

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('sends nothing without the citizen’s agreement or a real address, and keeps what was typed', async () => {
    const { client, staff } = await helping(t, 'QR')
    await toPlan(client)
    const form = await client.get('/staff/case/send')
    expect(form.text).toContain('A private link to their plan')
    expect(form.text).toMatch(/<input[^>]*name="email"[^>]*autocomplete="off"/)

    const noConsent = await client.post('/staff/case/send', { email: 'qr@example.com' })
    expect(noConsent.status).toBe(400)
    expect(noConsent.text).toContain('Confirm the citizen has agreed that we email them')
    expect(noConsent.text).toContain('value="qr@example.com"')
    const badEmail = await client.post('/staff/case/send', { email: 'qr@example', consent: 'yes' }, '/staff/case/send')
    expect(badEmail.status).toBe(400)
    expect(badEmail.text).toContain('Enter an email address in the correct format')
    expect(badEmail.text).toMatch(/<input[^>]*name="consent"[^>]*value="yes" checked/)
    const nothing = await client.post('/staff/case/send', {}, '/staff/case/send')
    expect(nothing.text).toContain('Enter the citizen’s email address')

    expect(await outbox('qr@example.com')).toEqual([])
    expect((await trailOf(staff.id)).some((row) => row.includes('handover'))).toBe(false)
  })

  it('sends the plan as a private link through the outbox, and records who agreed to what, when — not the address', async () => {
    const { client, staff } = await helping(t, 'ST')
    await toPlan(client)
    const sent = await client.post('/staff/case/send', { email: 'st@example.com', consent: 'yes' }, '/staff/case/send')
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe('/staff/case/sent')
    expect((await client.get('/staff/case/sent')).text).toContain('We have emailed the citizen a link to their plan.')

    const emails = await outbox('st@example.com')
    expect(emails.map((e) => e.template)).toEqual(['plan-kept'])
    expect(JSON.parse(emails[0]?.personalisation ?? '{}')).toMatchObject({
      link: expect.stringMatching(/\/plan\/kept\/[\w-]{43}\?lang=en$/),
    })
    const trail = await trailOf(staff.id)
    expect(trail.filter((row) => row.includes('handover-plan'))).toHaveLength(1)
    expect(trail.some((row) => row.includes('st@example.com'))).toBe(false)
  })

  it('sends the saved application as a one-time link, and the case shows as saved', async () => {
    const { client, staff } = await helping(t, 'UV')
    for (const [path, form] of (journeys[APP] ?? []).slice(0, 3)) {
      await client.get(`/apply/${APP}/${path}`)
      expect((await client.post(`/apply/${APP}/${path}`, { ...form, action: 'continue' })).status).toBe(303)
    }
    const form = await client.get('/staff/case/send')
    expect(form.text).toContain('A link to continue their saved application')
    const reference = /(DBS-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(form.text)?.[1]
    expect(reference).toBeDefined()
    expect(
      (await client.post('/staff/case/send', { email: 'uv@example.com', consent: 'yes' }, '/staff/case/send')).status,
    ).toBe(303)

    const emails = await outbox('uv@example.com')
    expect(emails.map((e) => e.template)).toEqual(['draft-saved'])
    expect(JSON.parse(emails[0]?.personalisation ?? '{}')).toMatchObject({
      reference,
      link: expect.stringMatching(/\/apply\/resume\//),
    })
    const trail = await trailOf(staff.id)
    expect(trail.filter((row) => row.includes('handover-application') && row.includes(String(reference)))).toHaveLength(
      1,
    )
    expect(trail.some((row) => row.includes('uv@example.com'))).toBe(false)
    expect((await client.get('/staff/cases')).text).toMatch(/UV[\s\S]*?Saved/)
  })

  it('has nothing to send before a plan or an application, and needs a case', async () => {
    const { client } = await helping(t, 'WX')
    const page = await client.get('/staff/case/send')
    expect(page.text).toContain('There is nothing to send yet.')
    expect(page.text).not.toContain('name="email"')
    const { client: idle } = await signedInClient(t, 'adviser')
    expect((await idle.get('/staff/case/send')).headers.location).toBe('/staff/cases')
  })
})

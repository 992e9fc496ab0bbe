import { personasFor } from '../../helpers/personas'
import { createTestApp, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'
import { completeOutcome } from './outcome-journey'

const persona = personasFor('work-in-care')[0]
if (!persona) throw new Error('no work-in-care persona')

const sessionId = (res: { headers: Record<string, unknown> }) =>
  ([] as string[])
    .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((c) => c.startsWith('portal-session='))
    ?.split(';')[0]

describe('helping a citizen (assisted digital)', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(async () => {
    await t.close()
  })

  it('asks how the adviser is helping and for the citizen’s agreement before starting', async () => {
    const { client } = await signedInClient(t, 'adviser')
    const res = await client.post('/staff/start', { channel: 'carrier-pigeon' }, '/staff/start')
    expect(res.status).toBe(400)
    expect(res.text).toContain('Select how you are helping the citizen')
    expect(res.text).toContain('Confirm the citizen has agreed to you completing the form for them')
    expect((await client.get('/')).text).not.toContain('on behalf of')
  })

  it('starts with a new session id and shows “on behalf of” on every page of an outcome', async () => {
    const { client } = await signedInClient(t, 'adviser')
    const before = sessionId(await client.get('/staff/start'))
    const started = await client.post('/staff/start', { channel: 'face-to-face', consent: 'yes' })
    expect(started.status).toBe(303)
    expect(started.headers.location).toBe('/')
    expect(sessionId(started)).toBeDefined()
    expect(sessionId(started)).not.toBe(before)
    const start = await client.get('/')
    expect(start.text).toContain('on behalf of')
    expect(start.text).toContain('face to face')
    expect(start.text).toContain('Finish and clear')
    const pages = await completeOutcome(client, persona)
    expect(pages.at(-1)?.url).toBe(`/outcomes/${persona.outcome}/plan`)
    for (const page of pages)
      expect({ url: page.url, onBehalf: page.html.includes('on behalf of') }).toEqual({ url: page.url, onBehalf: true })
  })

  it('Finish and clear leaves nothing of the citizen: back to the plan and the start page show nothing', async () => {
    const { client } = await signedInClient(t, 'adviser')
    await client.post('/staff/start', { channel: 'phone', consent: 'yes' }, '/staff/start')
    const pages = await completeOutcome(client, persona)
    const plan = pages.at(-1)
    if (!plan) throw new Error('no plan')
    const inSession = sessionId(await client.get('/'))
    const finished = await client.post('/staff/finish', {})
    expect(finished.status).toBe(303)
    expect(finished.headers.location).toBe('/staff')
    expect(sessionId(finished)).not.toBe(inSession)
    const home = await client.follow(finished)
    expect(home.text).toContain('Everything about that citizen has been cleared')
    expect(home.text).not.toContain('on behalf of')

    // The back button re-requests pages (they are no-store): the plan is gone, so it sends
    // the next person to the first question with nothing filled in.
    const back = await client.get(plan.url)
    expect(back.status).toBe(302)
    const first = await client.follow(back)
    expect(first.text).not.toContain('on behalf of')
    expect(first.text).not.toMatch(/checked/)
    const start = await client.get('/')
    expect(start.text).not.toContain('on behalf of')
    expect(start.headers['cache-control']).toBe('no-store')
    // Still signed in as staff, ready for the next citizen.
    expect((await client.get('/staff')).status).toBe(200)
  })

  it('records start and finish on the audit trail with nothing but who, what and when', async () => {
    const { client, staff } = await signedInClient(t, 'adviser')
    await client.post('/staff/start', { channel: 'video', consent: 'yes' }, '/staff/start')
    await client.post('/staff/finish', {}, '/')
    const rows = await t.runtime.db.all<Record<string, unknown>>(
      'SELECT actor_type, actor_id, action, reference, channel FROM audit_events WHERE actor_id = $1 ORDER BY at, action',
      [staff.id],
    )
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['staff-sign-in', 'assisted-start', 'assisted-finish']),
    )
    for (const row of rows) expect(row).toMatchObject({ actor_type: 'staff', actor_id: staff.id, reference: null })
  })
})

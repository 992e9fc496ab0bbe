import request from 'supertest'
import { Browserish, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'
import { answerAll, API_KEY, applicationsApp, submit } from './harness'
import { DOB, journeys } from './fixtures'
import { liveLinkTo } from '../../helpers/resume-link'

interface AuditRow {
  action: string
  actor_type: string
  actor_id: string | null
  channel: string
}

// Findings from issue 20: the trail and the submission say who really did each thing.
describe('who a submission and a resume are recorded as', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
  })
  afterAll(() => t.close())

  const trail = (reference: string) =>
    t.runtime.db.all<AuditRow>('SELECT * FROM audit_events WHERE reference = $1 ORDER BY at, id', [reference])
  const linkTo = (recipient: string) => liveLinkTo(t.runtime.db, recipient)
  const useLink = async (browser: Browserish, path: string) => {
    await browser.get(path)
    return browser.post('/apply/resume/link', { token: path.split('/').pop() ?? '' })
  }

  it('records the citizen’s own submission as online and theirs, after an adviser has worked on the draft', async () => {
    const steps = journeys['dbs-basic'] ?? []
    const citizen = new Browserish(t.app)
    await answerAll(citizen, 'dbs-basic', steps.slice(0, 4))
    await citizen.post('/apply/dbs-basic/save', { email: 'own@example.com' }, '/apply/dbs-basic/save')
    const reference =
      /<strong>([A-Z0-9-]+)<\/strong>/.exec((await citizen.get('/apply/dbs-basic/saved')).text)?.[1] ?? ''

    // An adviser resumes it on the phone, adds a page, and sends the citizen a link to finish.
    const { client: adviser, staff } = await signedInClient(t, 'adviser')
    const [y, m, d] = DOB.split('-')
    const resumed = await adviser.post(
      '/staff/resume',
      {
        reference,
        'dateOfBirth-day': String(Number(d)),
        'dateOfBirth-month': String(Number(m)),
        'dateOfBirth-year': y ?? '',
        channel: 'phone',
        consent: 'yes',
      },
      '/staff/resume',
    )
    expect(resumed.headers.location).toBe('/apply/dbs-basic/task-list')
    await answerAll(adviser, 'dbs-basic', steps.slice(4, 5))
    await adviser.post('/apply/dbs-basic/save', { email: 'own@example.com' }, '/apply/dbs-basic/save')

    const again = new Browserish(t.app)
    expect((await useLink(again, await linkTo('own@example.com'))).headers.location).toBe('/apply/dbs-basic/task-list')
    await answerAll(again, 'dbs-basic', steps.slice(5))
    expect((await submit(again, 'dbs-basic')).headers.location).toBe('/apply/dbs-basic/confirmation')

    const api = await request(t.app).get(`/api/v1/submissions/${reference}`).set('Authorization', `Bearer ${API_KEY}`)
    expect(api.body.items[0]).toMatchObject({ reference, channel: 'online' })
    const row = await t.runtime.db.get<{ staff_id: string | null }>(
      'SELECT staff_id FROM submissions WHERE reference = $1',
      [reference],
    )
    expect(row).toEqual({ staff_id: null })
    const submitted = (await trail(reference)).find((e) => e.action === 'application-submitted')
    expect(submitted).toMatchObject({ actor_type: 'citizen', actor_id: null, channel: 'online' })
    // The adviser's part is still on the trail, as theirs.
    expect((await trail(reference)).find((e) => e.action === 'assisted-resume')).toMatchObject({ actor_id: staff.id })
  })

  it('logs a signed-in auditor who resumes through the citizen link as that member of staff, not as a citizen', async () => {
    const citizen = new Browserish(t.app)
    await citizen.post('/apply/dbs-basic/name', { fullName: 'Audit Me', action: 'continue' }, '/apply/dbs-basic/name')
    await citizen.post('/apply/dbs-basic/save', { email: 'audited@example.com' }, '/apply/dbs-basic/save')
    const reference =
      /<strong>([A-Z0-9-]+)<\/strong>/.exec((await citizen.get('/apply/dbs-basic/saved')).text)?.[1] ?? ''
    const { client: auditor, staff } = await signedInClient(t, 'auditor')
    expect((await useLink(auditor, await linkTo('audited@example.com'))).status).toBe(303)
    const resumed = (await trail(reference)).find((e) => e.action === 'draft-resumed')
    expect(resumed).toMatchObject({ actor_type: 'staff', actor_id: staff.id, channel: 'online' })
  })
})

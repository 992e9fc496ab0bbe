import request from 'supertest'
import { registry } from '../../../app/a11y/registry'
import { createTestApp, type TestApp } from '../../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('the accessibility statement', () => {
  it('has every section of the GOV.UK model statement', async () => {
    const res = await request(t.app).get('/accessibility-statement')
    for (const heading of [
      'How accessible this service is',
      'Feedback and contact information',
      'Reporting accessibility problems with this service',
      'Enforcement procedure',
      'Technical information about this service’s accessibility',
      'Compliance status',
      'Non-accessible content',
      'Non-compliance with the accessibility regulations',
      'Disproportionate burden',
      'Content that’s not within the scope of the accessibility regulations',
      'What we’re doing to improve accessibility',
      'Preparation of this accessibility statement',
    ])
      expect(res.text).toContain(`${heading}</h`)
    expect(res.text).toContain('This statement was prepared on 25 November 2026')
  })

  it('is in Welsh too', async () => {
    const res = await request(t.app).get('/accessibility-statement?lang=cy')
    expect(res.text).toContain('Y weithdrefn orfodi')
    expect(res.text).toContain('Statws cydymffurfio')
  })
})

describe('the organisation that runs the service', () => {
  let named: TestApp
  beforeAll(async () => {
    named = await createTestApp({ BRAND_NAME: 'Cardiff Council', BRAND_NAME_CY: 'Cyngor Caerdydd' })
  })
  afterAll(() => named.close())

  it.each([
    ['en', 'It is run by Cardiff Council.', 'Cardiff Council is committed to making its websites accessible'],
    ['cy', 'Y corff sy’n ei redeg yw Cyngor Caerdydd.', 'Mae Cyngor Caerdydd wedi ymrwymo'],
  ])('is named from configuration in the %s statement', async (lang, intro, technical) => {
    const res = await request(named.app).get(`/accessibility-statement?lang=${lang}`)
    expect(res.text).toContain(intro)
    expect(res.text).toContain(technical)
    expect(res.text).not.toContain('undefined')
  })
})

describe('the auditors’ index', () => {
  it('lists every page state with a direct link', async () => {
    const res = await request(t.app).get('/accessibility/pages')
    expect(res.status).toBe(200)
    for (const state of registry().states) expect(res.text).toContain(`href="/accessibility/pages/go/${state.id}"`)
    expect(res.text).toContain('flowchart TD')
  })

  it('a direct link replays the steps into the session and lands on the state', async () => {
    const state = registry().states.find((s) => s.id.endsWith('/plan/welsh-domiciliary-employee'))
    expect(state).toBeDefined()
    const agent = request.agent(t.app)
    const go = await agent.get(`/accessibility/pages/go/${state?.id}`)
    expect(go.status).toBe(303)
    const page = await agent.get(go.headers.location ?? '')
    expect(page.status).toBe(200)
    expect(page.request.url).toContain('/plan')
  })

  it('a state reached by sending a form gives the auditor that form, ready to send', async () => {
    const state = registry().states.find((s) => s.id.startsWith('triage/') && s.id.endsWith('/error'))
    const agent = request.agent(t.app)
    const go = await agent.get(`/accessibility/pages/go/${state?.id}`)
    expect(go.status).toBe(200)
    const token = /name="_csrf" value="([^"]+)"/.exec(go.text)?.[1] ?? ''
    const action = /<form method="post" action="([^"]+)"/.exec(go.text)?.[1] ?? ''
    const shown = await agent.post(action).type('form').send({ _csrf: token })
    expect(shown.status).toBe(state?.expectStatus)
    expect(shown.text).toContain('There is a problem')
  })

  it('is hidden in production from everyone but auditors', async () => {
    const prod = await createTestApp({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      SERVICE_URL: 'https://portal.example',
    })
    try {
      expect((await request(prod.app).get('/accessibility/pages')).status).toBe(404)
      expect((await request(prod.app).get('/accessibility/pages/go/errors/not-found')).status).toBe(404)
    } finally {
      await prod.close()
    }
  })
})

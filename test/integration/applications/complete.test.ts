import request from 'supertest'
import { Browserish, type TestApp } from '../../helpers/app'
import { API_KEY, answerAll, applicationsApp, submit } from './harness'

describe('completing an application without JavaScript', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
  })
  afterAll(() => t.close())

  it.each(['dbs-basic', 'care-worker-wales', 'child-benefit'])(
    '%s goes from the start page to a confirmation visible through the API',
    async (app) => {
      const browser = new Browserish(t.app)
      const start = await browser.get(`/apply/${app}`)
      expect(start.status).toBe(200)
      expect(start.text).toContain(`href="/apply/${app}/task-list"`)
      await answerAll(browser, app)
      const check = await browser.get(`/apply/${app}/check-answers`)
      expect(check.status).toBe(200)
      const sent = await submit(browser, app)
      expect(sent.status).toBe(303)
      expect(sent.headers.location).toBe(`/apply/${app}/confirmation`)
      const confirmation = await browser.follow(sent)
      const reference = /<strong>([A-Z]{3}-[2-9A-Z]{4}-[2-9A-Z]{4})<\/strong>/.exec(confirmation.text)?.[1]
      expect(reference).toBeDefined()

      const api = await request(t.app).get(`/api/v1/submissions/${reference}`).set('Authorization', `Bearer ${API_KEY}`)
      expect(api.status).toBe(200)
      expect(api.body.items[0]).toMatchObject({ reference, application: app, channel: 'online' })
    },
  )

  it('shows a question again with GOV.UK errors and the typed values when an answer is wrong', async () => {
    const browser = new Browserish(t.app)
    await browser.get('/apply/dbs-basic/date-of-birth')
    const res = await browser.post('/apply/dbs-basic/date-of-birth', {
      'dateOfBirth-day': '31',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1990',
    })
    expect(res.status).toBe(400)
    expect(res.text).toContain('Date of birth must be a real date')
    expect(res.text).toContain('href="#dateOfBirth-day"')
    expect(res.text).toContain('value="31"')
  })

  it('returns to check answers after a Change, asking any newly needed question first', async () => {
    const browser = new Browserish(t.app)
    await answerAll(browser, 'dbs-basic')
    const change = await browser.post(
      '/apply/dbs-basic/other-names?change=1',
      { otherNamesKnown: 'yes' },
      '/apply/dbs-basic/other-names?change=1',
    )
    expect(change.headers.location).toBe('/apply/dbs-basic/other-names-list?change=1')
    const list = await browser.post(
      '/apply/dbs-basic/other-names-list?change=1',
      { otherNames: 'Alys Smith' },
      '/apply/dbs-basic/other-names-list?change=1',
    )
    expect(list.headers.location).toBe('/apply/dbs-basic/check-answers')
  })
})

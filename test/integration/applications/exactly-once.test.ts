import { Browserish, type TestApp } from '../../helpers/app'
import { answerAll, applicationsApp } from './harness'

describe('submitting exactly once', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
  })
  afterAll(() => t.close())

  const count = async (sql: string) => (await t.runtime.db.get<{ n: number }>(sql))?.n

  it('stores one submission, one audit event and one email when the same draft is sent twice at once', async () => {
    const browser = new Browserish(t.app)
    await answerAll(browser, 'child-benefit')
    await browser.get('/apply/child-benefit/declaration')
    const [first, second] = await Promise.all([
      browser.post('/apply/child-benefit/declaration', { confirm: 'yes' }),
      browser.post('/apply/child-benefit/declaration', { confirm: 'yes' }),
    ])
    expect([first.status, second.status]).toEqual([303, 303])
    expect(first.headers.location).toBe('/apply/child-benefit/confirmation')
    expect(second.headers.location).toBe('/apply/child-benefit/confirmation')
    expect(Number(await count('SELECT COUNT(*) AS n FROM submissions'))).toBe(1)
    expect(Number(await count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'application-submitted'"))).toBe(1)
    expect(Number(await count("SELECT COUNT(*) AS n FROM outbox WHERE template = 'application-submitted'"))).toBe(1)
    const again = await browser.post('/apply/child-benefit/declaration', { confirm: 'yes' }, '/apply/resume')
    expect(again.headers.location).toBe('/apply/child-benefit/confirmation')
    expect(Number(await count('SELECT COUNT(*) AS n FROM submissions'))).toBe(1)
  })

  it('lands on the same confirmation when the answer to the submit is lost and the page refreshed', async () => {
    const browser = new Browserish(t.app)
    await answerAll(browser, 'dbs-basic')
    const sent = await browser.post('/apply/dbs-basic/declaration', { confirm: 'yes' }, '/apply/dbs-basic/declaration')
    const first = await browser.follow(sent)
    const refreshed = await browser.get('/apply/dbs-basic/confirmation')
    const ref = (html: string) => /<strong>([A-Z0-9-]+)<\/strong>/.exec(html)?.[1]
    expect(ref(refreshed.text)).toBe(ref(first.text))
    const question = await browser.get('/apply/dbs-basic/name')
    expect(question.headers.location).toBe('/apply/dbs-basic/confirmation')
  })
})

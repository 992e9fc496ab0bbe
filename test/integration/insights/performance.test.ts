import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'

let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
  // Counts as the counter would have stored them, on two days of November 2026.
  const add = (day: string, channel: string, measure: string, subject: string, n: number) =>
    testApp.runtime.db.run(
      `INSERT INTO insight_counts (day, outcome, nation, language, channel, measure, subject, n)
       VALUES ($1, 'caring', 'wales', 'en', $2, $3, $4, $5)`,
      [day, channel, measure, subject, n],
    )
  await add('2026-11-20', 'online', 'journey-started', '', 40)
  await add('2026-11-21', 'online', 'journey-started', '', 10)
  await add('2026-11-20', 'online', 'question-reached', 'nation', 50)
  await add('2026-11-20', 'online', 'question-answered', 'nation', 44)
  await add('2026-11-20', 'online', 'question-reached', 'hours', 44)
  await add('2026-11-20', 'online', 'question-answered', 'hours', 41)
  await add('2026-11-20', 'online', 'plan-reached', '', 25)
  await add('2026-11-20', 'online', 'application-submitted', 'carers-allowance', 30)
  await add('2026-11-20', 'assisted', 'application-submitted', 'carers-allowance', 10)
  await add('2026-11-20', 'online', 'validation', 'nation:catalogue.outcomes.caring.questions.nation.error', 12)
  await add('2026-11-20', 'online', 'validation', 'hours:catalogue.outcomes.caring.questions.hours.error', 9)
  for (const [rating, n] of [
    [5, 8],
    [4, 4],
    [2, 3],
  ] as const)
    for (let i = 0; i < n; i++)
      await testApp.runtime.db.run(
        `INSERT INTO feedback (id, day, ending, outcome, language, channel, rating, improvement)
         VALUES ($1, '2026-11-20', 'plan', 'caring', 'en', 'online', $2, NULL)`,
        [`f-${rating}-${i}`, rating],
      )
})
afterAll(() => testApp.close())

const november = 'from-day=1&from-month=11&from-year=2026&to-day=30&to-month=11&to-year=2026'

describe('the performance page', () => {
  it('shows a service owner the measures, with every figure under 10 suppressed', async () => {
    const { client } = await signedInClient(testApp, 'owner')
    const res = await client.get(`/performance?${november}`)
    expect(res.status).toBe(200)
    const text = res.text.replace(/\s+/g, ' ')
    expect(text).toMatch(/Journeys started<\/th> <td[^>]*>50</)
    expect(text).toMatch(/Completion rate[^<]*<\/th> <td[^>]*>50%</)
    // 30 of 40 sent online; 12 of 15 satisfied or very satisfied.
    expect(text).toMatch(/Digital take-up[^<]*<\/th> <td[^>]*>75%</)
    expect(text).toMatch(/User satisfaction[^<]*<\/th> <td[^>]*>80%</)
    // 6 stopped at the nation question and 3 at hours: under 10, so not shown.
    expect(text).toMatch(/Where do you live[^<]*<\/th> <td[^>]*>50<\/td> <td[^>]*>44<\/td> <td[^>]*>fewer than 10</)
    expect(text).toContain('nation:catalogue.outcomes.caring.questions.nation.error')
    expect(text).not.toContain('hours:catalogue.outcomes.caring.questions.hours.error')
    expect(text).toContain('<svg class="app-chart"')
  })

  it('exports the same figures as CSV and JSON, suppressed the same way', async () => {
    const { client } = await signedInClient(testApp, 'owner')
    const csv = await client.get(`/performance.csv?${november}`)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.text).toContain('journeysStarted,,,50,2026-11-01,2026-11-30')
    expect(csv.text).toContain('questionExits,caring,nation,suppressed,2026-11-01,2026-11-30')
    const json = await client.get(`/performance.json?${november}`)
    const body = JSON.parse(json.text) as {
      headline: Record<string, unknown>
      funnels: { outcome: string; steps: { question: string; exits: unknown }[] }[]
    }
    expect(body.headline.journeysStarted).toBe(50)
    expect(body.headline.medianSecondsToPlan).toBeNull()
    const caring = body.funnels.find((f) => f.outcome === 'caring')
    expect(caring?.steps.find((s) => s.question === 'nation')?.exits).toBeNull()
  })

  it('narrows to the dates asked for, and says what is wrong with a date', async () => {
    const { client } = await signedInClient(testApp, 'admin')
    const oneDay = await client.get(
      '/performance.json?from-day=21&from-month=11&from-year=2026&to-day=21&to-month=11&to-year=2026',
    )
    expect((JSON.parse(oneDay.text) as { headline: { journeysStarted: unknown } }).headline.journeysStarted).toBe(10)
    const wrong = await client.get('/performance?from-day=31&from-month=2&from-year=2026')
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Enter a real start date')
    const backwards = await client.get(
      '/performance?from-day=2&from-month=11&from-year=2026&to-day=1&to-month=11&to-year=2026',
    )
    expect(backwards.status).toBe(400)
    expect(backwards.text).toContain('must be the same as or before the end date')
  })

  it('is for service owners and admins only', async () => {
    const { client } = await signedInClient(testApp, 'adviser')
    expect((await client.get('/performance')).status).toBe(403)
    expect((await client.get(`/performance.csv?${november}`)).status).toBe(403)
    const { client: auditor } = await signedInClient(testApp, 'auditor')
    expect((await auditor.get('/performance.json')).status).toBe(403)
  })

  it('publishes completion, satisfaction and digital take-up by month as open data, to anyone', async () => {
    const anyone = new Browserish(testApp.app)
    expect((await anyone.get('/performance')).status).toBe(303)
    const res = await anyone.get('/performance/open-data.json')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toEqual({
      suppressedBelow: 10,
      months: [{ month: '2026-11', completionRate: 50, satisfaction: 80, digitalTakeUp: 75 }],
    })
  })
})

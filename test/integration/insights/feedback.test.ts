import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

interface FeedbackRow {
  day: string
  ending: string
  outcome: string
  language: string
  channel: string
  rating: number
  improvement: string | null
}

let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
})
afterAll(() => testApp.close())

const stored = () => testApp.runtime.db.all<FeedbackRow>('SELECT * FROM feedback ORDER BY rating')

describe('feedback at every ending', () => {
  it('stores the rating and the improvement text with personal details taken out, and thanks the citizen', async () => {
    const browser = new Browserish(testApp.app)
    const page = await browser.get('/feedback?from=plan&outcome=caring')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Overall, how did you feel about the service you received today?')
    expect(page.text).toContain('Do not include personal details')
    const sent = await browser.post('/feedback', {
      from: 'plan',
      outcome: 'caring',
      rating: 'dissatisfied',
      improvement:
        'I am Alys, alys@example.com, 07700 900982, QQ 12 34 56 C, ref DBS-2345-6789. The hours question was unclear.',
    })
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe('/feedback/sent')
    expect((await browser.follow(sent)).text).toContain('Thank you for your feedback')
    const [row] = await stored()
    expect(Object.keys(row ?? {}).sort()).toEqual([
      'channel',
      'day',
      'ending',
      'id',
      'improvement',
      'language',
      'outcome',
      'rating',
    ])
    expect(row).toMatchObject({
      day: testApp.clock.now().toISOString().slice(0, 10),
      ending: 'plan',
      outcome: 'caring',
      language: 'en',
      channel: 'online',
      rating: 2,
      improvement: 'I am Alys, [removed], [removed], [removed], ref [removed]. The hours question was unclear.',
    })
  })

  it('asks for a rating, keeps what was typed, and refuses text over 1200 characters without cutting it', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/feedback')
    const missing = await browser.post('/feedback', { improvement: 'Kept as typed' })
    expect(missing.status).toBe(400)
    expect(missing.text).toContain('Select how you felt about the service')
    expect(missing.text).toContain('href="#rating"')
    expect(missing.text).toContain('Kept as typed')
    const long = await browser.post('/feedback', { rating: 'satisfied', improvement: 'a'.repeat(1201) })
    expect(long.status).toBe(400)
    expect(long.text).toContain('must be 1200 characters or fewer')
    expect(long.text).toContain('a'.repeat(1201))
    expect(await stored()).toHaveLength(1)
  })

  it('is in Welsh for a Welsh reader, and files an unknown origin as the phase banner', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/?lang=cy')
    const page = await browser.get('/feedback?from=nowhere&outcome=<script>')
    expect(page.text).toContain('Sut gallem wella’r gwasanaeth hwn?')
    await browser.post('/feedback', { from: 'nowhere', outcome: '<script>', rating: 'very-satisfied' })
    const rows = await stored()
    expect(rows.at(-1)).toMatchObject({
      ending: 'banner',
      outcome: 'none',
      language: 'cy',
      rating: 5,
      improvement: null,
    })
  })

  it('is linked from the phase banner and the page after leaving (the plan and confirmation: counting.test.ts)', async () => {
    const browser = new Browserish(testApp.app)
    expect((await browser.get('/')).text).toMatch(/href="\/feedback"[^>]*>give your feedback/)
    const deleted = await browser.get('/session/deleted')
    expect(deleted.text).toContain('href="/feedback?from=leaving"')
  })
})

import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('language', () => {
  it('switches to Welsh with ?lang=cy, remembers it, and offers English back with lang and hreflang', async () => {
    const browser = new Browserish(t.app)
    const welsh = await browser.get('/cookies?lang=cy')
    expect(welsh.text).toContain('<html lang="cy"')
    expect(welsh.text).toContain('<h1 class="govuk-heading-l">Cwcis</h1>')
    expect(welsh.text).toMatch(/href="\/cookies\?lang=en" rel="alternate" lang="en" hreflang="en"/)
    const next = await browser.get('/privacy')
    expect(next.text).toContain('<html lang="cy"')
    const back = await browser.get('/privacy?lang=en')
    expect(back.text).toContain('<html lang="en"')
  })

  it('shows error pages in the chosen language', async () => {
    const browser = new Browserish(t.app)
    await browser.get('/?lang=cy')
    const res = await browser.get('/nowhere')
    expect(res.status).toBe(404)
    expect(res.text).toContain('Heb ddod o hyd i’r dudalen')
  })

  it('keeps the rest of the address when switching', async () => {
    const browser = new Browserish(t.app)
    const res = await browser.get('/?q=care')
    expect(res.text).toContain('href="/?q=care&amp;lang=cy"')
  })
})

describe('sessions', () => {
  it('survive a restart of the server', async () => {
    const first = await createTestApp()
    const browser = new Browserish(first.app)
    const res = await browser.get('/?lang=cy')
    const cookie = String(res.headers['set-cookie']).split(';')[0] ?? ''
    await first.close()
    const second = await createTestApp({ DATA_DIR: first.dataDir })
    try {
      const after = await new Browserish(second.app).agent.get('/').set('Cookie', cookie)
      expect(after.text).toContain('<html lang="cy"')
    } finally {
      await second.close()
    }
  })
})

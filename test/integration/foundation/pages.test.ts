import request from 'supertest'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('footer pages', () => {
  it.each([
    ['/cookies', 'Cookies'],
    ['/accessibility-statement', 'Accessibility statement'],
    ['/privacy', 'Privacy'],
    ['/contact', 'Contact'],
  ])('%s is a real page titled "%s", linked from every footer', async (path, title) => {
    const res = await request(t.app).get(path)
    expect(res.status).toBe(200)
    expect(res.text).toContain(`<h1 class="govuk-heading-l">${title}</h1>`)
    const home = await request(t.app).get('/')
    expect(home.text).toContain(`href="${path}"`)
  })

  it('the layout has a skip link, the service name, a phase banner with feedback and a footer landmark', async () => {
    const res = await request(t.app).get('/')
    expect(res.text).toContain('href="#main-content" class="govuk-skip-link"')
    expect(res.text).toContain('Find and apply for support')
    expect(res.text).toContain('govuk-phase-banner')
    expect(res.text).toContain('give your feedback')
    expect(res.text).toContain('<footer class="govuk-template__footer">')
  })
})

describe('brand', () => {
  it('shows the organisation name without the crown or GDS Transport by default', async () => {
    const res = await request(t.app).get('/')
    expect(res.text).toContain('govuk-generic-header')
    expect(res.text).not.toContain('govuk-header__logotype')
    expect(res.text).toContain('/assets/css/organisation')
  })

  it('uses the GOV.UK header and stylesheet when BRAND=govuk', async () => {
    const gov = await createTestApp({ BRAND: 'govuk' })
    try {
      const res = await request(gov.app).get('/')
      expect(res.text).toContain('govuk-header__logotype')
      expect(res.text).toContain('/assets/css/govuk')
      expect(res.text).toMatch(/<title>[^<]+– GOV.UK<\/title>/)
    } finally {
      await gov.close()
    }
  })
})

describe('operations', () => {
  it('/health is alive and /ready checks the database', async () => {
    expect((await request(t.app).get('/health')).body).toEqual({ status: 'ok' })
    expect((await request(t.app).get('/ready')).body).toEqual({ status: 'ready' })
  })

  it('/ready says 503 when the database is gone', async () => {
    const broken = await createTestApp()
    await broken.runtime.db.close()
    try {
      expect((await request(broken.app).get('/ready')).status).toBe(503)
    } finally {
      // The database is already closed; this releases the rest (the Redis client, in that project).
      await broken.close().catch(() => undefined)
    }
  })

  it('serves fingerprinted assets compressed and cached as immutable', async () => {
    const home = await request(t.app).get('/')
    const css = /href="(\/assets\/css\/[^"]+)"/.exec(home.text)?.[1] ?? ''
    const res = await request(t.app).get(css).set('Accept-Encoding', 'br, gzip')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['cache-control']).toContain('immutable')
  })
})

/** The `name=value` of the session cookie among a response's cookies. */
function sessionCookieIn(setCookie: string | string[] | undefined): string {
  const all = typeof setCookie === 'string' ? [setCookie] : (setCookie ?? [])
  return all.find((c) => c.startsWith('portal-session='))?.split(';')[0] ?? ''
}

describe('failures', () => {
  it('shows "Sorry, there is a problem" with no internal detail when the session store fails', async () => {
    const broken = await createTestApp()
    // A session exists once a citizen has answered something.
    const citizen = new Browserish(broken.app)
    await citizen.get('/outcomes/caring/nation')
    const started = await citizen.post('/outcomes/caring/nation', { answer: 'wales' })
    const cookie = sessionCookieIn(started.headers['set-cookie'])
    broken.runtime.sessionStore.get = (_sid, callback) => callback(new Error('SECRET INTERNAL DETAIL'))
    const res = await request(broken.app).get('/').set('Cookie', cookie)
    expect(res.status).toBe(500)
    expect(res.text).toContain('Sorry, there is a problem with the service')
    expect(res.text).not.toContain('SECRET INTERNAL DETAIL')
    expect(res.text).not.toMatch(/at .+\.(ts|js):\d+/)
    await broken.close()
  })
})

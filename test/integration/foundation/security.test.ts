import request from 'supertest'
import { Browserish, createTestApp, csrfFrom, type TestApp } from '../../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('security baseline', () => {
  it('sends a CSP with a fresh nonce per response and no unsafe-inline script source', async () => {
    const a = await request(t.app).get('/')
    const b = await request(t.app).get('/')
    const csp = String(a.headers['content-security-policy'])
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("form-action 'self'")
    expect(csp).not.toBe(b.headers['content-security-policy'])
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(a.text).toContain(`<script nonce="${nonce}">document.body.className`)
    expect(a.headers['x-content-type-options']).toBe('nosniff')
  })

  it('gives every response its own 128-bit nonce, across many responses', async () => {
    // More responses than one draw of random bytes serves, so a refill is crossed too.
    const nonces = new Set<string>()
    for (let i = 0; i < 300; i++) {
      const csp = String((await request(t.app).get('/cookies')).headers['content-security-policy'])
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? ''
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16)
      nonces.add(nonce)
    }
    expect(nonces.size).toBe(300)
  })

  it('tells browsers and proxies not to keep pages', async () => {
    expect((await request(t.app).get('/cookies')).headers['cache-control']).toBe('no-store')
  })

  it('refuses a POST without a valid token with 403 and a page that says what to do', async () => {
    const res = await request(t.app).post('/').type('form').send('lang=cy')
    expect(res.status).toBe(403)
    expect(res.text).toContain('govuk-template')
    // No session holds any answers here, so the page says so rather than "Nothing was changed".
    expect(res.text).toContain('Sorry, your answers are no longer here')
    expect(res.text).not.toContain('Nothing was changed')
    const forged = await request(t.app).post('/').type('form').send('_csrf=guess')
    expect(forged.status).toBe(403)
  })

  it('checks the token before routing, so an unknown POST is refused too, and with a valid token it is not found', async () => {
    const res = await request(t.app).post('/no/such/page').type('form').send('a=b')
    expect(res.status).toBe(403)
    expect(res.text).toContain('Sorry, your answers are no longer here')
    // A question page renders a form, so the session now holds a real token.
    const browser = new Browserish(t.app)
    expect((await browser.post('/no/such/page', { a: 'b' }, '/outcomes/work-in-care/nation')).status).toBe(404)
  })

  it('answers a body over 1 MB with 413 and a GOV.UK page', async () => {
    const res = await request(t.app)
      .post('/')
      .type('form')
      .send(`x=${'a'.repeat(2 * 1024 * 1024)}`)
    expect(res.status).toBe(413)
    expect(res.text).toContain('What you sent is too large')
  })

  it('answers a body it cannot read with 400, not 500', async () => {
    const res = await request(t.app)
      .post('/')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('Content-Encoding', 'gzip')
      .send('this is not gzip')
    expect(res.status).toBe(400)
    expect(res.text).toContain('Sorry, we could not read that')
  })

  it('accepts only GET, HEAD and POST', async () => {
    const res = await request(t.app).delete('/')
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD, POST')
    const head = await request(t.app).head('/')
    expect(head.status).toBe(200)
    expect(head.text ?? '').toBe('')
  })

  it('answers an unknown page with the GOV.UK "Page not found" page', async () => {
    const res = await request(t.app).get('/nowhere')
    expect(res.status).toBe(404)
    expect(res.text).toContain('<title>Page not found – ')
    expect(res.text).toContain('If you typed the web address, check it is correct.')
  })
})

/** The whole Set-Cookie line of one cookie, or '' when the response does not set it. */
function cookieNamed(setCookie: string | string[] | undefined, name: string): string {
  const all = typeof setCookie === 'string' ? [setCookie] : (setCookie ?? [])
  return all.find((c) => c.startsWith(`${name}=`)) ?? ''
}

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax, and only set once there is something to keep', async () => {
    expect((await request(t.app).get('/')).headers['set-cookie']).toBeUndefined()
    // Reading, even in Welsh, keeps no session: the language is a cookie of its own.
    const welsh = await request(t.app).get('/?lang=cy')
    expect(String(welsh.headers['set-cookie'])).toMatch(/^portal-lang=cy; Path=\/; HttpOnly; SameSite=Lax$/)
    const citizen = new Browserish(t.app)
    await citizen.get('/outcomes/caring/nation')
    const res = await citizen.post('/outcomes/caring/nation', { answer: 'wales' })
    const cookie = cookieNamed(res.headers['set-cookie'], 'portal-session')
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
  })

  it('is Secure with the __Host- prefix in production', async () => {
    const prod = await createTestApp({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      SERVICE_URL: 'https://portal.example',
      TRUST_PROXY: '1',
    })
    try {
      const res = await request(prod.app).get('/outcomes/caring/nation').set('X-Forwarded-Proto', 'https')
      const seed = String(res.headers['set-cookie'])
      expect(seed).toMatch(/^__Host-portal-form=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
      const answered = await request(prod.app)
        .post('/outcomes/caring/nation')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', seed.split(';')[0] ?? '')
        .type('form')
        .send(`_csrf=${encodeURIComponent(csrfFrom(res.text))}&answer=wales`)
      expect(answered.status).toBe(303)
      const cookie = cookieNamed(answered.headers['set-cookie'], '__Host-portal-session')
      expect(cookie).toContain('Secure')
      expect(cookie).toContain('Path=/')
      // Assets carry HSTS too: a browser's first request to the host may be for one.
      const dictionary = /rel="compression-dictionary" href="([^"]+)"/.exec(res.text)?.[1] ?? ''
      const asset = await request(prod.app).get(dictionary)
      expect(asset.status).toBe(200)
      expect(asset.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
    } finally {
      await prod.close()
    }
  })
})

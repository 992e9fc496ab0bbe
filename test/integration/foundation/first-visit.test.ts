import request from 'supertest'
import type session from 'express-session'
import { Browserish, createTestApp, csrfFrom, type TestApp } from '../../helpers/app'
import { csrfSeedCookieName } from '../../../app/middleware/csrf'

// Issue 20, item 3: visitors cost nothing until they answer. A crawler or script that only
// reads pages used to write a session row per request; now a page's form carries a signed
// token of a seed cookie, and the session store is first written by the first answer.
describe('a first visit', () => {
  let t: TestApp
  let writes: jest.SpiedFunction<session.Store['set']>
  beforeAll(async () => {
    t = await createTestApp()
    writes = jest.spyOn(t.runtime.sessionStore, 'set')
  })
  afterAll(() => t.close())
  beforeEach(() => writes.mockClear())

  const PAGES = [
    '/',
    '/outcomes/caring/nation',
    '/outcomes/child-support/nation?lang=cy',
    '/outcomes/bereavement/nation',
    '/apply/resume',
    '/accessibility',
    '/privacy',
    '/no-such-page',
  ]

  it('writes no session for a visitor who only reads pages, forms included', async () => {
    for (const page of PAGES) {
      const res = await request(t.app).get(page)
      expect({ page, status: res.status < 500, writes: writes.mock.calls.length }).toEqual({
        page,
        status: true,
        writes: 0,
      })
    }
    const form = await request(t.app).get('/outcomes/caring/nation')
    expect(csrfFrom(form.text)).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(writes).not.toHaveBeenCalled()
  })

  it('takes the first answer with that token, and only then writes a session', async () => {
    const citizen = new Browserish(t.app)
    await citizen.get('/outcomes/caring/nation')
    expect(writes).not.toHaveBeenCalled()
    const answered = await citizen.post('/outcomes/caring/nation', { answer: 'wales' })
    expect(answered.status).toBe(303)
    expect(writes).toHaveBeenCalledTimes(1)
    // From then on the session's own token is used, and the journey goes on.
    const next = await citizen.follow(answered)
    expect(next.status).toBe(200)
    expect(csrfFrom(next.text)).not.toBe('')
  })

  it('keeps a second tab opened before the first answer working after it', async () => {
    const citizen = new Browserish(t.app)
    await citizen.get('/outcomes/caring/nation')
    const otherTab = csrfFrom((await citizen.get('/outcomes/caring/nation')).text)
    expect((await citizen.post('/outcomes/caring/nation', { answer: 'wales' })).status).toBe(303)
    const later = await citizen.agent
      .post('/outcomes/caring/nation')
      .type('form')
      .send(`_csrf=${encodeURIComponent(otherTab)}&answer=scotland`)
    expect(later.status).toBe(303)
  })

  it('refuses a first-visit token sent without its cookie, or with another browser’s', async () => {
    const victim = new Browserish(t.app)
    const attacker = new Browserish(t.app)
    const attackersToken = csrfFrom((await attacker.get('/outcomes/caring/nation')).text)
    await victim.get('/outcomes/caring/nation')
    const forged = await victim.agent
      .post('/outcomes/caring/nation')
      .type('form')
      .send(`_csrf=${encodeURIComponent(attackersToken)}&answer=wales`)
    expect(forged.status).toBe(403)
    const bare = await request(t.app)
      .post('/outcomes/caring/nation')
      .type('form')
      .send(`_csrf=${encodeURIComponent(attackersToken)}&answer=wales`)
    expect(bare.status).toBe(403)
    // A seed cookie made up by the attacker does not help without the server's secret.
    const madeUp = await request(t.app)
      .post('/outcomes/caring/nation')
      .set('Cookie', `${csrfSeedCookieName(false)}=AAAAAAAAAAAAAAAAAAAAAA`)
      .type('form')
      .send(`_csrf=${encodeURIComponent(attackersToken)}&answer=wales`)
    expect(madeUp.status).toBe(403)
    expect(writes).not.toHaveBeenCalled()
  })

  it('sets the seed cookie HttpOnly and SameSite, once per browser', async () => {
    const first = await request(t.app).get('/outcomes/caring/nation')
    const cookie = String(first.headers['set-cookie'])
    expect(cookie).toContain(`${csrfSeedCookieName(false)}=`)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    const citizen = new Browserish(t.app)
    await citizen.get('/outcomes/caring/nation')
    const again = await citizen.get('/outcomes/bereavement/nation')
    expect(String(again.headers['set-cookie'] ?? '')).not.toContain(`${csrfSeedCookieName(false)}=`)
  })
})

import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

/**
 * Query strings and address parts are input too, read through zod (app/request-input.ts):
 * a value repeated (`?lang=cy&lang=en` reads as a list), written as an object (`?lang[x]=cy`)
 * or naming something the page does not offer reads as nothing chosen, never a 500.
 */
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('hostile query strings and address parts', () => {
  it('a language asked for twice, or as an object, leaves the page in English', async () => {
    const browser = new Browserish(t.app)
    for (const query of ['lang=cy&lang=cy', 'lang[x]=cy', 'lang=fr', 'lang=']) {
      const got = await browser.get(`/?${query}`)
      expect([query, got.status]).toEqual([query, 200])
      expect(got.text).toContain('<html lang="en"')
    }
    const welsh = await browser.get('/?lang=cy')
    expect(welsh.text).toContain('<html lang="cy"')
  })

  it('an error example that is not one (a name every object has) is "Page not found"', async () => {
    const browser = new Browserish(t.app)
    for (const page of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const got = await browser.get(`/accessibility/pages/examples/${page}`)
      expect([page, got.status]).toEqual([page, 404])
    }
    expect((await browser.get('/accessibility/pages/examples/csrf')).status).toBe(403)
  })

  it('the ended-session pages read only their own flags', async () => {
    const browser = new Browserish(t.app)
    const kept = await browser.get('/session/timed-out?kept=application&unsent=page')
    const forged = await browser.get('/session/timed-out?kept=application&kept=application&unsent[a]=page')
    expect(kept.status).toBe(200)
    expect(forged.status).toBe(200)
    expect(forged.text).not.toEqual(kept.text)
  })

  it('a change flag written twice on an application page is no change flag', async () => {
    const browser = new Browserish(t.app)
    const once = await browser.get('/apply/dbs-basic/other-names?change=1')
    expect(once.status).toBe(200)
    expect(once.text).toContain('action="/apply/dbs-basic/other-names?change=1"')
    const twice = await browser.get('/apply/dbs-basic/other-names?change=1&change=1')
    expect(twice.status).toBe(200)
    expect(twice.text).toContain('action="/apply/dbs-basic/other-names"')
  })
})

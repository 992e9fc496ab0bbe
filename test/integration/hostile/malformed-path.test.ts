import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

/**
 * Found by the hostile-input run: a path parameter that is not valid percent-encoding
 * (`/apply/%E0%A4%A`) made the router throw, and the citizen got the 500 page. It is a
 * malformed address, so it is the GOV.UK "could not read that" page with a 400.
 */
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('an address that cannot be decoded', () => {
  it.each(['/apply/%E0%A4%A', '/apply/dbs-basic/%', '/outcomes/%/nation', '/apply/child-benefit/children/%ff/remove'])(
    '%s answers 400 with the GOV.UK page, for GET and for a form POST',
    async (path) => {
      const browser = new Browserish(t.app)
      const got = await browser.get(path)
      expect(got.status).toBe(400)
      expect(got.text).toContain('Sorry, we could not read that')
      await browser.get('/apply/resume')
      const posted = await browser.post(path, { answer: 'yes' })
      expect(posted.status).toBe(400)
      expect(posted.text).toContain('Sorry, we could not read that')
      expect(posted.text).not.toContain('URIError')
    },
  )
})

import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'

/**
 * A NUL can be sent in any form field or query, though nobody can type one. PostgreSQL
 * refuses a NUL in text, so one that reached a query was a 500 on the several-instances
 * deployment (SQLite stores it). Every form and query value is read with NUL as U+FFFD,
 * as an HTML parser reads a NUL in text, on both backends alike.
 */
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('NUL bytes in what a browser sends', () => {
  it('signs nobody in with an email address holding a NUL, and shows it back with U+FFFD', async () => {
    const res = await new Browserish(t.app).post(
      '/staff/sign-in',
      { email: 'adviser\u0000@example.gov.uk', password: 'not the password at all' },
      '/staff/sign-in',
    )
    expect(res.status).toBeLessThan(500)
    expect(res.text).toContain('govuk-error-summary')
    expect(res.text).toContain('value="adviser\uFFFD@example.gov.uk"')
  })

  it('filters the audit trail by a reference holding a NUL, finding nothing', async () => {
    const { client } = await signedInClient(t, 'admin')
    const res = await client.get('/staff/audit?reference=DBS-%00-2222')
    expect(res.status).toBe(200)
    expect(res.text).toContain('DBS-\uFFFD-2222')
  })
})

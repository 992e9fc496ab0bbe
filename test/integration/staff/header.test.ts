import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'

/** A page, after any redirects (an outcome's address sends on to its first question). */
async function page(client: Browserish, path: string) {
  let res = await client.get(path)
  while (res.status >= 300 && res.status < 400) res = await client.get(res.headers.location ?? '/')
  return res.text
}

/** The service navigation's part of a page: where the header says who is signed in. */
const navigation = (html: string) => /<section[^>]*govuk-service-navigation[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''

describe('“Signed in as” and sign out in the header of every staff page', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it.each([
    ['adviser', ['/staff', '/staff/start', '/staff/resume', '/staff/cases', '/staff/audit']],
    ['admin', ['/staff/audit', '/staff/accounts']],
  ] as const)('%s: every page names them and has a sign-out form with the CSRF token', async (role, paths) => {
    const { client, staff } = await signedInClient(t, role)
    for (const path of paths) {
      const nav = navigation(await page(client, path))
      expect({ path, named: nav.includes(staff.email) }).toEqual({ path, named: true })
      expect(nav).toMatch(
        /<form method="post" action="\/staff\/sign-out"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">/,
      )
    }
  })

  it('is on the citizen pages while an adviser helps someone, and signs out from there', async () => {
    const { client, staff } = await signedInClient(t, 'adviser')
    await client.post('/staff/start', { channel: 'phone', consent: 'yes' }, '/staff/start')
    expect(navigation(await page(client, '/outcomes/work-in-care'))).toContain(staff.email)
    const out = await client.post('/staff/sign-out', {})
    expect(out.status).toBe(303)
    expect(out.headers.location).toBe('/staff/sign-in?signedOut=1')
    expect((await client.get('/staff')).headers.location).toBe('/staff/sign-in')
  })

  it('is not on the sign-in page or on a citizen’s own pages', async () => {
    const citizen = new Browserish(t.app)
    for (const path of ['/staff/sign-in', '/', '/outcomes/work-in-care']) {
      const nav = navigation(await page(citizen, path))
      expect(nav).not.toBe('')
      expect({ path, signOut: nav.includes('/staff/sign-out') }).toEqual({ path, signOut: false })
    }
  })
})

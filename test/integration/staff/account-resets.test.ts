import { staffChange } from '../../../app/cli/staff-change'
import { IDENTITY_CACHE_MS } from '../../../app/staff/service/identity'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { createStaff, signedInClient, signInFirstTime, signInStaff } from '../../helpers/staff'

const passwordOf = (html: string) => /<code id="temporary-password">([^<]+)<\/code>/.exec(html)?.[1] ?? ''

describe('resetting two-factor and passwords, and changing one’s own password', () => {
  let t: TestApp
  let admin: Browserish
  beforeAll(async () => {
    t = await createTestApp()
    admin = (await signedInClient(t, 'admin')).client
  })
  afterAll(() => t.close())

  const cli = async (argv: string[]) => {
    const out: string[] = []
    const env = {
      NODE_ENV: 'test',
      DATA_DIR: t.dataDir,
      ...(t.config.databaseUrl ? { DATABASE_URL: t.config.databaseUrl } : {}),
    }
    const code = await staffChange(argv, env, { out: (l) => out.push(l), err: (l) => out.push(l) }, t.clock.now)
    return { code, out }
  }

  it('an admin’s two-factor reset ends the member’s sessions and makes the next sign-in set it up again', async () => {
    const { client, staff } = await signedInClient(t, 'adviser')
    const page = `/staff/accounts/${staff.id}`
    const res = await admin.post(`${page}/reset-two-factor`, {}, page)
    expect(res.headers.location).toBe(`${page}?done=reset-two-factor`)
    expect((await admin.get(res.headers.location ?? '')).text).toContain('Two-factor sign-in has been reset')
    t.clock.advance(IDENTITY_CACHE_MS)
    expect((await client.get('/staff')).headers.location).toBe('/staff/sign-in?ended=ended')
    const codes = await t.runtime.db.all('SELECT code_hash FROM staff_recovery_codes WHERE account_id = $1', [staff.id])
    expect(codes).toEqual([])
    // The old recovery codes and app are worth nothing: the next sign-in sets up afresh.
    const again = await signInFirstTime(new Browserish(t.app), staff, t.clock.now)
    expect(again.totpSecret).not.toBe(staff.totpSecret)
  })

  it('an admin’s password reset gives a temporary password for one sign-in that ends by choosing a new one', async () => {
    const { client, staff } = await signedInClient(t, 'adviser')
    const page = `/staff/accounts/${staff.id}`
    const shown = await admin.post(`${page}/reset-password`, {}, page)
    expect(shown.status).toBe(200)
    expect(shown.headers['cache-control']).toContain('no-store')
    const temporary = passwordOf(shown.text)
    expect(temporary).toMatch(/^[\w]{5}(-[\w]{5}){4}$/)
    t.clock.advance(IDENTITY_CACHE_MS)
    expect((await client.get('/staff')).headers.location).toBe('/staff/sign-in?ended=ended')

    const next = new Browserish(t.app)
    const old = await next.post('/staff/sign-in', { email: staff.email, password: staff.password }, '/staff/sign-in')
    expect(old.status).toBe(400)
    await next.post('/staff/sign-in', { email: staff.email, password: temporary }, '/staff/sign-in')
    const coded = await next.post('/staff/sign-in/code', { code: await staff.nextCode() }, '/staff/sign-in/code')
    expect(coded.headers.location).toBe('/staff/sign-in/new-password')
    // Not signed in until the new password is chosen.
    expect((await next.get('/staff')).headers.location).toBe('/staff/sign-in')
    const form = '/staff/sign-in/new-password'
    const weak = await next.post(form, { password: 'password1234', confirm: 'password1234' }, form)
    expect(weak.status).toBe(400)
    expect(weak.text).toContain('too easy to guess')
    const same = await next.post(form, { password: temporary, confirm: temporary }, form)
    expect(same.text).toContain('must be different from the one you were given')
    const mismatch = await next.post(form, { password: 'lantern-orchard-harbour-7', confirm: 'other' }, form)
    expect(mismatch.text).toContain('The passwords do not match')
    const chosen = await next.post(form, {
      password: 'lantern-orchard-harbour-7',
      confirm: 'lantern-orchard-harbour-7',
    })
    expect(chosen.headers.location).toBe('/staff')
    expect((await next.get('/staff')).status).toBe(200)
    await signInStaff(new Browserish(t.app), { ...staff, password: 'lantern-orchard-harbour-7' })
    const reused = await new Browserish(t.app).post(
      '/staff/sign-in',
      { email: staff.email, password: temporary },
      '/staff/sign-in',
    )
    expect(reused.status).toBe(400)
  })

  it('an admin cannot reset their own password or two-factor from the admin pages', async () => {
    const { client, staff } = await signedInClient(t, 'admin')
    const page = `/staff/accounts/${staff.id}`
    for (const what of ['reset-password', 'reset-two-factor']) {
      const res = await client.post(`${page}/${what}`, {}, page)
      expect([what, res.status]).toEqual([what, 400])
      expect(res.text).toContain('Ask another administrator')
    }
  })

  it('a member changes their own password: the current one first, other sessions end, this one goes on', async () => {
    const { client, staff } = await signedInClient(t, 'auditor')
    const elsewhere = new Browserish(t.app)
    await signInStaff(elsewhere, staff)
    const wrong = await client.post(
      '/staff/password',
      { current: 'not-it', password: 'kettle-meadow-lantern-4', confirm: 'kettle-meadow-lantern-4' },
      '/staff/password',
    )
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Your current password is not right')
    const ok = await client.post('/staff/password', {
      current: staff.password,
      password: 'kettle-meadow-lantern-4',
      confirm: 'kettle-meadow-lantern-4',
    })
    expect(ok.headers.location).toBe('/staff/password?done=1')
    expect((await client.get('/staff/password?done=1')).text).toContain('Your password has been changed')
    expect((await client.get('/staff')).status).toBe(200)
    expect((await elsewhere.get('/staff')).headers.location).toBe('/staff/sign-in?ended=ended')
    await signInStaff(new Browserish(t.app), { ...staff, password: 'kettle-meadow-lantern-4' })
  })

  it('the command line resets two-factor and passwords too', async () => {
    const staff = await createStaff(t, 'adviser')
    const twoFactor = await cli(['--email', staff.email, '--reset-2fa'])
    expect(twoFactor).toEqual({ code: 0, out: [`Changed: ${staff.email} is adviser, active`] })
    const password = await cli(['--email', staff.email, '--reset-password'])
    expect(password.code).toBe(0)
    const temporary = /^Temporary password: (\S+)$/.exec(password.out[1] ?? '')?.[1] ?? ''
    expect(temporary).not.toBe('')
    const client = new Browserish(t.app)
    const res = await client.post('/staff/sign-in', { email: staff.email, password: temporary }, '/staff/sign-in')
    expect(res.headers.location).toBe('/staff/sign-in/set-up')
  })
})

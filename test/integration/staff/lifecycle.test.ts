import { staffChange } from '../../../app/cli/staff-change'
import { createAccount } from '../../../app/staff/service/accounts'
import { IDENTITY_CACHE_MS } from '../../../app/staff/service/identity'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { createStaff, signedInClient, signInFirstTime, signInStaff } from '../../helpers/staff'

function cliIo() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } }
}

describe('staff account lifecycle: identity and role read from the store on every request', () => {
  let t: TestApp
  let admin: Browserish

  beforeAll(async () => {
    t = await createTestApp()
    admin = (await signedInClient(t, 'admin')).client
  })
  afterAll(async () => {
    await t.close()
  })

  it('refuses a demoted admin’s next request: the audit export is 403 straight after the change', async () => {
    const { client, staff } = await signedInClient(t, 'admin')
    expect((await client.get('/staff/audit.csv')).status).toBe(200)
    const res = await admin.post(`/staff/accounts/${staff.id}/role`, { role: 'adviser' }, `/staff/accounts/${staff.id}`)
    expect(res.status).toBe(303)
    expect((await admin.follow(res)).text).toContain('The role has been changed.')
    const refused = await client.get('/staff/audit.csv')
    expect(refused.status).toBe(403)
    expect(refused.text).toContain('You cannot use this page')
    // The new role is what the pages show, too.
    expect((await client.get('/staff')).text).toContain('Adviser')
  })

  it('ends a disabled account’s open session on its next request, and refuses its password afterwards', async () => {
    const { client, staff } = await signedInClient(t, 'adviser')
    expect((await client.get('/staff')).status).toBe(200)
    const res = await admin.post(
      `/staff/accounts/${staff.id}/status`,
      { status: 'disabled' },
      `/staff/accounts/${staff.id}`,
    )
    expect(res.status).toBe(303)
    const ended = await client.get('/staff')
    expect(ended.status).toBe(303)
    expect(ended.headers.location).toBe('/staff/sign-in?ended=ended')
    expect((await client.follow(ended)).text).toContain('You have been signed out. Sign in again to continue.')
    expect((await client.get('/staff')).headers.location).toBe('/staff/sign-in')
    const again = await client.post(
      '/staff/sign-in',
      { email: staff.email, password: staff.password },
      '/staff/sign-in',
    )
    expect(again.status).toBe(400)
    expect(again.text).toContain('Enter a correct email address and password')
    // Enabled again, the same password works; the old session stays ended.
    await admin.post(`/staff/accounts/${staff.id}/status`, { status: 'enabled' }, `/staff/accounts/${staff.id}`)
    await signInStaff(new Browserish(t.app), staff)
  })

  it('ends a disabled adviser’s session while they are helping a citizen, taking the citizen’s session with it', async () => {
    const { client, staff } = await signedInClient(t, 'adviser')
    await client.post('/staff/start', { channel: 'phone', consent: 'yes' }, '/staff/start')
    expect((await client.get('/')).text).toContain('Finish and clear')
    await admin.post(`/staff/accounts/${staff.id}/status`, { status: 'disabled' }, `/staff/accounts/${staff.id}`)
    const next = await client.get('/')
    expect(next.status).toBe(303)
    expect(next.headers.location).toBe('/staff/sign-in?ended=ended')
    expect((await client.get('/')).text).not.toContain('Finish and clear')
  })

  it('signs out everywhere: every other session of the account ends, and the account can sign in again', async () => {
    const staff = await createStaff(t, 'auditor')
    const here = new Browserish(t.app)
    const there = new Browserish(t.app)
    await signInStaff(here, staff)
    await signInStaff(there, staff)
    const out = await here.post('/staff/sign-out-everywhere', {}, '/staff')
    expect(out.status).toBe(303)
    expect(out.headers.location).toBe('/staff/sign-in?signedOut=everywhere')
    expect((await here.follow(out)).text).toContain('You have signed out on every computer')
    const other = await there.get('/staff/audit')
    expect(other.status).toBe(303)
    expect(other.headers.location).toBe('/staff/sign-in?ended=ended')
    const fresh = new Browserish(t.app)
    await signInStaff(fresh, staff)
    expect((await fresh.get('/staff/audit')).status).toBe(200)
  })

  it('lets an admin sign someone else out everywhere', async () => {
    const { client, staff } = await signedInClient(t, 'adviser')
    const res = await admin.post(`/staff/accounts/${staff.id}/sign-out-everywhere`, {}, `/staff/accounts/${staff.id}`)
    expect((await admin.follow(res)).text).toContain('This person has been signed out everywhere.')
    expect((await client.get('/staff/cases')).headers.location).toBe('/staff/sign-in?ended=ended')
  })

  it('records each change on the audit trail under the admin who made it', async () => {
    const { client: auditor } = await signedInClient(t, 'auditor')
    const page = await auditor.get('/staff/audit?action=staff-disabled')
    expect(page.text).toContain('Disabled a staff account')
  })

  it('refuses an admin changing their own role or disabling themselves, with the reason', async () => {
    const { client, staff } = await signedInClient(t, 'admin')
    const res = await client.post(
      `/staff/accounts/${staff.id}/status`,
      { status: 'disabled' },
      `/staff/accounts/${staff.id}`,
    )
    expect(res.status).toBe(400)
    expect(res.text).toContain('You cannot change your own role, disable your own account')
    const role = await client.post(`/staff/accounts/${staff.id}/role`, { role: 'auditor' })
    expect(role.status).toBe(400)
    expect((await client.get('/staff/audit.csv')).status).toBe(200)
  })

  it('asks for a role when none is chosen', async () => {
    const staff = await createStaff(t, 'adviser')
    const res = await admin.post(`/staff/accounts/${staff.id}/role`, {}, `/staff/accounts/${staff.id}`)
    expect(res.status).toBe(400)
    expect(res.text).toContain('Select a role')
  })

  it('shows "Page not found" for an account that does not exist', async () => {
    expect((await admin.get('/staff/accounts/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await admin.get('/staff/accounts/not-an-id')).status).toBe(404)
  })

  it('lists every account with its role and status for admins', async () => {
    const staff = await createStaff(t, 'auditor')
    const page = await admin.get('/staff/accounts')
    expect(page.status).toBe(200)
    expect(page.text).toContain(staff.email)
    expect(page.text).toContain(`href="/staff/accounts/${staff.id}"`)
  })

  it('applies a change made from the command line within a few seconds', async () => {
    const { client, staff } = await signedInClient(t, 'admin')
    expect((await client.get('/staff/audit.csv')).status).toBe(200)
    const run = cliIo()
    const code = await staffChange(
      ['--email', staff.email, '--role', 'auditor'],
      {
        NODE_ENV: 'test',
        DATA_DIR: t.dataDir,
        ...(t.config.databaseUrl ? { DATABASE_URL: t.config.databaseUrl } : {}),
      },
      run.io,
      t.clock.now,
    )
    expect(run.err).toEqual([])
    expect(code).toBe(0)
    expect(run.out[0]).toBe(`Changed: ${staff.email} is auditor, active`)
    t.clock.advance(IDENTITY_CACHE_MS)
    expect((await client.get('/staff/audit.csv')).status).toBe(403)
  })

  it('never takes away the last active admin, even from the command line', async () => {
    const lone = await createTestApp()
    try {
      const only = await createStaff(lone, 'admin')
      const run = cliIo()
      const env = {
        NODE_ENV: 'test',
        DATA_DIR: lone.dataDir,
        ...(lone.config.databaseUrl ? { DATABASE_URL: lone.config.databaseUrl } : {}),
      }
      expect(await staffChange(['--email', only.email, '--disable'], env, run.io, lone.clock.now)).toBe(1)
      expect(run.err[0]).toContain('only active administrator')
    } finally {
      await lone.close()
    }
  })
})

describe('staff sessions have an absolute lifetime on top of the idle limit', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ STAFF_MAX_HOURS: '2' })
  })
  afterAll(async () => {
    await t.close()
  })

  it('ends a session that has been busy all along once it is older than STAFF_MAX_HOURS', async () => {
    const { client } = await signedInClient(t, 'adviser')
    // A request every 10 minutes: never idle, so only the absolute lifetime can end it.
    for (let minutes = 10; minutes < 120; minutes += 10) {
      t.clock.advanceMinutes(10)
      expect((await client.get('/staff')).status).toBe(200)
    }
    t.clock.advanceMinutes(10)
    const ended = await client.get('/staff')
    expect(ended.status).toBe(303)
    expect(ended.headers.location).toBe('/staff/sign-in?ended=expired')
    expect((await client.follow(ended)).text).toContain('You have been signed in for the longest time allowed')
  })
})

describe('passwords are checked exactly as typed', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(async () => {
    await t.close()
  })

  it('refuses the password without its spaces, and accepts it with them', async () => {
    const staff = await createStaff(t, 'adviser')
    const email = `spaced-${staff.id}@staff.test`
    const password = '  lantern harbour orchard  '
    const made = await createAccount(t.runtime.db, { email, password, role: 'adviser' }, t.clock.now())
    expect(made.ok).toBe(true)
    const client = new Browserish(t.app)
    const trimmed = await client.post('/staff/sign-in', { email, password: password.trim() }, '/staff/sign-in')
    expect(trimmed.status).toBe(400)
    await signInFirstTime(new Browserish(t.app), { email, password }, t.clock.now)
  })
})

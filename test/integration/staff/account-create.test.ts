import { findAccountByEmail } from '../../../app/staff/service/accounts'
import { Browserish, createTestApp, csrfFrom, type TestApp } from '../../helpers/app'
import { LogCapture } from '../../helpers/log-capture'
import { createStaff, signedInClient, signInFirstTime, signInStaff, type TestStaff } from '../../helpers/staff'

const FORM = '/staff/accounts/new'
const passwordOf = (html: string) => /<code id="temporary-password">([^<]+)<\/code>/.exec(html)?.[1] ?? ''
/** The new account's id, from the link to its page on the page that shows the temporary password. */
const accountIdOf = (html: string) =>
  /href="\/staff\/accounts\/([0-9a-f-]{36})"[^>]*>Manage the new account/.exec(html)?.[1] ?? ''
const NEW_PASSWORD = 'copper-kettle-meadow-82'

describe('an admin adds a staff account', () => {
  let t: TestApp
  let admin: Browserish
  let adminStaff: TestStaff
  let counter = 0
  const log = new LogCapture()
  /** An address no other test uses, in the case an admin might type it. */
  const newAddress = () => `New.Colleague-${(counter += 1)}@Staff.test`

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, { logDestination: log.stream })
    ;({ client: admin, staff: adminStaff } = await signedInClient(t, 'admin'))
  })
  afterAll(() => t.close())

  const accounts = async () =>
    Number((await t.runtime.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM staff_accounts'))?.n)

  it('is linked from the list of accounts, and asks for an email address and a role, none chosen', async () => {
    const list = await admin.get('/staff/accounts')
    expect(list.text).toMatch(/<a href="\/staff\/accounts\/new"[^>]*class="govuk-button"[^>]*>\s*Add a staff account/)
    const form = await admin.get(FORM)
    expect(form.status).toBe(200)
    expect(form.text).toContain('<h1 class="govuk-heading-l">Add a staff account</h1>')
    const input = /<input[^>]*id="email"[^>]*>/.exec(form.text)?.[0] ?? ''
    expect(input).toContain('type="email"')
    expect(input).toContain('autocomplete="off"')
    expect(input).toContain('spellcheck="false"')
    for (const role of ['adviser', 'auditor', 'admin', 'owner']) expect(form.text).toContain(`value="${role}"`)
    expect(form.text).not.toMatch(/name="role"[^>]*checked/)
    expect(form.text).toContain('Nothing is emailed to them')
  })

  it('makes the account with a temporary password shown once, on the trail and the security log', async () => {
    const before = await accounts()
    log.clear()
    const typed = newAddress()
    const shown = await admin.post(FORM, { email: `  ${typed} `, role: 'auditor' }, FORM)
    expect(shown.status).toBe(200)
    expect(shown.headers['cache-control']).toContain('no-store')
    expect(shown.text).toContain('Staff account added')
    expect(shown.text).toContain('in person or by phone, never by email')
    expect(shown.text).toContain('You will not be shown this password again')
    const temporary = passwordOf(shown.text)
    expect(temporary).toMatch(/^\w{5}(-\w{5}){4}$/)
    const email = typed.toLowerCase()
    expect(shown.text).toContain(email)
    expect(shown.text).toContain('Auditor')

    const account = await findAccountByEmail(t.runtime.db, email)
    expect(account).toMatchObject({ role: 'auditor', mustChangePassword: true, totpSecret: null, disabledAt: null })
    expect(accountIdOf(shown.text)).toBe(account?.id)
    expect(await accounts()).toBe(before + 1)
    expect(account?.passwordHash).not.toContain(temporary)

    // Its page, and the list, know it.
    const page = await admin.get(`/staff/accounts/${account?.id}`)
    expect(page.text).toContain(email)
    expect(page.text).toContain('has not set up two-factor sign-in yet')
    expect((await admin.get('/staff/accounts')).text).toContain(`href="/staff/accounts/${account?.id}"`)

    // The security log names who made which account by id: never its address or its password.
    expect(log.events('staff-change')).toEqual([
      expect.objectContaining({ actorId: adminStaff.id, targetId: account?.id, change: 'staff-created' }),
    ])
    expect(log.raw.join('\n')).not.toContain(temporary)
    expect(log.raw.join('\n')).not.toContain(email)

    // The audit trail, under the admin, with its label in the filter and the table.
    const { client: auditor } = await signedInClient(t, 'auditor')
    const trail = await auditor.get('/staff/audit?action=staff-created')
    expect(trail.text).toContain('<option value="staff-created" selected>Added a staff account</option>')
    expect(trail.text).toContain(adminStaff.email)
    const welsh = await auditor.get('/staff/audit?action=staff-created&lang=cy')
    expect(welsh.text).toContain('Wedi ychwanegu cyfrif staff')
  })

  it('the new member’s first sign-in sets up two-factor, then makes them choose their own password', async () => {
    const email = newAddress()
    const temporary = passwordOf((await admin.post(FORM, { email, role: 'adviser' }, FORM)).text)
    const member = new Browserish(t.app)
    // The password, then two-factor from scratch (the key, a code, the recovery codes).
    const app = await signInFirstTime(member, { email, password: temporary }, t.clock.now)
    expect(app.recoveryCodes).toHaveLength(10)
    // Not signed in yet: the password they were given is not theirs.
    expect((await member.get('/staff')).headers.location).toBe('/staff/sign-in')
    const form = '/staff/sign-in/new-password'
    const page = await member.get(form)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Choose a new password')
    const same = await member.post(form, { password: temporary, confirm: temporary })
    expect(same.status).toBe(400)
    expect(same.text).toContain('must be different from the one you were given')
    const chosen = await member.post(form, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    expect(chosen.headers.location).toBe('/staff')
    const home = await member.get('/staff')
    expect(home.status).toBe(200)
    expect(home.text).toContain('Start helping someone')
    const account = await findAccountByEmail(t.runtime.db, email)
    expect(account?.mustChangePassword).toBe(false)

    // The temporary password is spent; their own one and the app sign them in.
    const reused = await new Browserish(t.app).post('/staff/sign-in', { email, password: temporary }, '/staff/sign-in')
    expect(reused.status).toBe(400)
    expect(reused.text).toContain('Enter a correct email address and password')
    await signInStaff(new Browserish(t.app), { email, password: NEW_PASSWORD, nextCode: app.nextCode })
  })

  it('gives no way round choosing a password: a sign-in left half way asks again the next time', async () => {
    const email = newAddress()
    const temporary = passwordOf((await admin.post(FORM, { email, role: 'owner' }, FORM)).text)
    // Two-factor set up, then the tab closed before choosing a password.
    const app = await signInFirstTime(new Browserish(t.app), { email, password: temporary }, t.clock.now)
    const again = new Browserish(t.app)
    const password = await again.post('/staff/sign-in', { email, password: temporary }, '/staff/sign-in')
    expect(password.headers.location).toBe('/staff/sign-in/code')
    const code = await again.post('/staff/sign-in/code', { code: await app.nextCode() }, '/staff/sign-in/code')
    expect(code.headers.location).toBe('/staff/sign-in/new-password')
    expect((await again.get('/staff')).headers.location).toBe('/staff/sign-in')
    const chosen = await again.post('/staff/sign-in/new-password', { password: NEW_PASSWORD, confirm: NEW_PASSWORD })
    expect(chosen.headers.location).toBe('/staff')
    const reused = await new Browserish(t.app).post('/staff/sign-in', { email, password: temporary }, '/staff/sign-in')
    expect(reused.status).toBe(400)
  })

  it('refuses an address that already has an account, leading to it, and keeps what was entered', async () => {
    const existing = await createStaff(t, 'adviser')
    const before = await accounts()
    const typed = existing.email.toUpperCase()
    const res = await admin.post(FORM, { email: typed, role: 'admin' }, FORM)
    expect(res.status).toBe(400)
    expect(res.text).toContain('govuk-error-summary')
    expect(res.text).toContain('<a href="#email">A staff account with this email address already exists</a>')
    expect(res.text).toContain(
      `<a class="govuk-link" href="/staff/accounts/${existing.id}">Manage the existing account</a>`,
    )
    expect(res.text).toContain(`value="${typed}"`)
    expect(res.text).toMatch(/value="admin" checked/)
    expect(res.text).toContain('<title>Error: Add a staff account')
    expect(await accounts()).toBe(before)
    // The existing account is untouched: same role, same password.
    expect((await findAccountByEmail(t.runtime.db, existing.email))?.role).toBe('adviser')
    await signInStaff(new Browserish(t.app), existing)
  })

  it.each([
    ['no email address', { email: '', role: 'adviser' }, '#email', 'Enter their email address'],
    ['spaces only', { email: '   ', role: 'adviser' }, '#email', 'Enter their email address'],
    [
      'not an email address',
      { email: 'not-an-email', role: 'adviser' },
      '#email',
      'Enter an email address in the correct format, like name@example.com',
    ],
    [
      'an address with a space in it',
      { email: 'new person@staff.test', role: 'adviser' },
      '#email',
      'Enter an email address in the correct format, like name@example.com',
    ],
    ['no role', { email: 'no-role@staff.test' } as { email: string; role?: string }, '#role', 'Select a role'],
    ['a role that does not exist', { email: 'boss@staff.test', role: 'boss' }, '#role', 'Select a role'],
  ])('refuses %s, saying what to do, with what was entered kept', async (_name, form, href, message) => {
    const before = await accounts()
    const res = await admin.post(FORM, form, FORM)
    expect(res.status).toBe(400)
    expect(res.text).toContain(`<a href="${href}">${message}</a>`)
    expect(res.text).toContain('<title>Error: Add a staff account')
    expect(res.text).toMatch(
      new RegExp(`class="govuk-error-message">\\s*<span class="govuk-visually-hidden">Error:</span> ${message}`),
    )
    if (form.email.trim()) expect(res.text).toContain(`value="${form.email.trim()}"`)
    if (form.role === 'adviser') expect(res.text).toMatch(/value="adviser" checked/)
    expect(res.text).not.toMatch(/name="role"[^>]*value="boss"/)
    expect(res.text).not.toContain('temporary-password')
    expect(await accounts()).toBe(before)
  })

  it('names both problems when nothing is entered', async () => {
    const res = await admin.post(FORM, {}, FORM)
    expect(res.status).toBe(400)
    expect(res.text).toContain('<a href="#email">Enter their email address</a>')
    expect(res.text).toContain('<a href="#role">Select a role</a>')
  })

  it.each(['adviser', 'auditor', 'owner'] as const)('refuses a signed-in %s, and makes nothing', async (role) => {
    const { client } = await signedInClient(t, role)
    const before = await accounts()
    const form = await client.get(FORM)
    expect(form.status).toBe(403)
    expect(form.text).toContain('You cannot use this page')
    const res = await client.post(FORM, { email: `by-${role}@staff.test`, role: 'admin' }, '/staff')
    expect(res.status).toBe(403)
    expect(res.text).toContain('You cannot use this page')
    expect(await accounts()).toBe(before)
  })

  it('sends a signed-out visitor to sign-in', async () => {
    const res = await new Browserish(t.app).post(
      FORM,
      { email: 'signed-out@staff.test', role: 'admin' },
      '/staff/sign-in',
    )
    expect(res.headers.location).toBe('/staff/sign-in')
    expect(await findAccountByEmail(t.runtime.db, 'signed-out@staff.test')).toBeUndefined()
  })

  it('needs the form’s CSRF token: a forged or missing one makes nothing', async () => {
    const token = csrfFrom((await admin.get(FORM)).text)
    const email = 'forged@staff.test'
    for (const body of [`email=${email}&role=admin`, `email=${email}&role=admin&_csrf=${token}x`]) {
      const res = await admin.agent.post(FORM).type('form').send(body)
      expect(res.status).toBe(403)
      expect(res.text).not.toContain('temporary-password')
    }
    expect(await findAccountByEmail(t.runtime.db, email)).toBeUndefined()
    // The admin's session is fine, and the real token works.
    const res = await admin.agent.post(FORM).type('form').send(`email=${email}&role=admin&_csrf=${token}`)
    expect(res.status).toBe(200)
    expect(await findAccountByEmail(t.runtime.db, email)).toBeDefined()
  })

  it('is in Welsh too', async () => {
    const form = await admin.get(`${FORM}?lang=cy`)
    expect(form.text).toContain('Ychwanegu cyfrif staff')
    const errors = await admin.post(FORM, {}, `${FORM}?lang=cy`)
    expect(errors.text).toContain('Rhowch eu cyfeiriad e-bost')
    expect(errors.text).toContain('Dewiswch rôl')
    const shown = await admin.post(FORM, { email: newAddress(), role: 'adviser' }, `${FORM}?lang=cy`)
    expect(shown.text).toContain('Cyfrif staff wedi’i ychwanegu')
    expect(shown.text).toContain('byth drwy e-bost')
    await admin.get('/staff?lang=en')
  })
})

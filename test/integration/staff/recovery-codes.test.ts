import { hashRecoveryCode } from '../../../app/staff/recovery-codes'
import { spendRecoveryCode } from '../../../app/staff/service/two-factor'
import { REAUTHENTICATION_LIMITS } from '../../../app/staff/sign-in-throttle'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { englishOn } from '../../helpers/english-copy'
import { LogCapture } from '../../helpers/log-capture'
import { createStaff, signInStaff, totpCode, type TestStaff } from '../../helpers/staff'

const PAGE = '/staff/recovery-codes'
const codesOn = (html: string) => [...html.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((m) => m[1] ?? '')

describe('a member’s own recovery codes: how many are left, and a new set after the code from the app', () => {
  let t: TestApp
  const log = new LogCapture()
  beforeAll(async () => {
    // One proxy hop trusted, so a test can send a request from another address.
    t = await createTestApp({ TRUST_PROXY: '1', LOG_LEVEL: 'info' }, { logDestination: log.stream })
  })
  afterAll(() => t.close())
  beforeEach(() => log.clear())

  /** Signed in through both steps; the code step spends the app's code for now. */
  const signedIn = async (role: TestStaff['role'] = 'adviser') => {
    const staff = await createStaff(t, role)
    const client = new Browserish(t.app)
    await signInStaff(client, staff)
    return { client, staff }
  }
  /** The app's code 30 seconds on: the clock stands still, and the sign-in spent this step's code. */
  const nextStepCode = (staff: TestStaff) => totpCode(staff.totpSecret ?? '', new Date(t.clock.millis() + 30_000))
  const spend = async (staff: TestStaff, n: number) => {
    for (const code of staff.recoveryCodes.slice(0, n))
      expect(await spendRecoveryCode(t.runtime.db, staff.id, hashRecoveryCode(code), t.clock.now())).toBe(true)
  }
  const signInWithRecoveryCode = async (staff: TestStaff, code: string) => {
    const client = new Browserish(t.app)
    await client.post('/staff/sign-in', { email: staff.email, password: staff.password }, '/staff/sign-in')
    return client.post('/staff/sign-in/code', { code }, '/staff/sign-in/code')
  }

  it('the staff home links to the page, which says how many codes are unused', async () => {
    const { client } = await signedIn('auditor')
    const home = await client.get('/staff')
    expect(home.text).toContain(`href="${PAGE}"`)
    expect(home.text).not.toContain('govuk-warning-text')
    const page = await client.get(PAGE)
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/Unused recovery codes\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*10\s*</)
    expect(page.text).not.toContain('govuk-warning-text')
  })

  it.each([
    [6, '4', undefined],
    [7, '3', 'You have only a few recovery codes left'],
    [9, '1', 'You have only a few recovery codes left'],
    [10, '0', 'You have no recovery codes left'],
  ])(
    'with %i used, the page says %s left, and warns (on the home page too) when 3 or fewer',
    async (used, left, warning) => {
      const { client, staff } = await signedIn()
      await spend(staff, used)
      const page = await client.get(PAGE)
      expect(page.text).toMatch(new RegExp(`govuk-summary-list__value">\\s*${left}\\s*<`))
      const home = await client.get('/staff')
      for (const html of [page.text, home.text]) {
        if (warning) expect(html).toMatch(new RegExp(`govuk-warning-text[\\s\\S]*${warning}`))
        else expect(html).not.toContain('govuk-warning-text')
      }
    },
  )

  it('a GOV.UK error for no code, a code not 6 digits, a wrong code and the code already used to sign in', async () => {
    const { client, staff } = await signedIn()
    const cases = [
      ['', 'Enter the 6-digit code from your authenticator app'],
      ['12', 'Enter the code as 6 digits, like 123456'],
      [staff.recoveryCodes[0] ?? '', 'Enter the code as 6 digits, like 123456'],
      ['000000', 'Enter the code your authenticator app shows now'],
      // The code this sign-in just used: its step is spent, so it cannot make codes too.
      [totpCode(staff.totpSecret ?? '', t.clock.now()), 'Enter the code your authenticator app shows now'],
    ] as const
    for (const [code, message] of cases) {
      const res = await client.post(PAGE, { code }, PAGE)
      expect([code, res.status]).toEqual([code, 400])
      expect(res.text).toContain('govuk-error-summary')
      expect(res.text).toContain('href="#code"')
      expect(res.text).toContain(message)
    }
    // Nothing was replaced: every old code still works.
    expect((await client.get(PAGE)).text).toMatch(/govuk-summary-list__value">\s*10\s*</)
    expect((await signInWithRecoveryCode(staff, staff.recoveryCodes[1] ?? '')).headers.location).toBe('/staff')
    expect(log.events('staff-change').filter((e) => e.change === 'staff-recovery-codes-renewed')).toEqual([])
  })

  it('the right code replaces every old code with ten new ones, shown once, on the audit trail and the security log', async () => {
    const { client, staff } = await signedIn()
    await spend(staff, 8)
    const code = nextStepCode(staff)
    const res = await client.post(PAGE, { code }, PAGE)
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toContain('no-store')
    expect(res.text).toContain('Save your new recovery codes')
    expect(res.text).toContain('Your old recovery codes no longer work')
    const fresh = codesOn(res.text)
    expect(fresh).toHaveLength(10)
    expect(new Set(fresh).size).toBe(10)
    expect(fresh.some((c) => staff.recoveryCodes.includes(c))).toBe(false)
    expect((await client.get(PAGE)).text).toMatch(/govuk-summary-list__value">\s*10\s*</)

    // Old codes, used or not, are gone; a new one signs in.
    expect((await signInWithRecoveryCode(staff, staff.recoveryCodes[9] ?? '')).status).toBe(400)
    expect((await signInWithRecoveryCode(staff, fresh[0] ?? '')).headers.location).toBe('/staff')

    // The same app code again: its step is spent, and the new set stands.
    const again = await client.post(PAGE, { code }, PAGE)
    expect(again.status).toBe(400)
    expect((await signInWithRecoveryCode(staff, fresh[1] ?? '')).headers.location).toBe('/staff')

    const audit = await t.runtime.db.all<{ action: string }>(
      "SELECT action FROM audit_events WHERE actor_id = $1 AND action = 'staff-recovery-codes-renewed'",
      [staff.id],
    )
    expect(audit).toHaveLength(1)
    expect(log.events('staff-change').filter((e) => e.change === 'staff-recovery-codes-renewed')).toEqual([
      expect.objectContaining({ actorId: staff.id, targetId: staff.id }),
    ])
    expect(log.raw.join('\n')).not.toContain(fresh[2] ?? 'none')
  })

  it('wrong codes are throttled like the sign-in’s code step, without touching the member’s sign-in', async () => {
    const { client, staff } = await signedIn()
    // The session taken to another address, as someone who stole it would.
    client.agent.set('X-Forwarded-For', '192.0.2.66')
    const allowed = REAUTHENTICATION_LIMITS.perAccountAddress.points
    for (let i = 0; i < allowed; i++) expect((await client.post(PAGE, { code: '000000' }, PAGE)).status).toBe(400)
    const refused = await client.post(PAGE, { code: nextStepCode(staff) }, PAGE)
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBeDefined()
    expect(refused.text).toContain('govuk-error-summary')
    expect(refused.text).toContain('You have entered a wrong code too many times. Wait 15 minutes and try again.')
    expect(log.events('lock-out')).toEqual([
      expect.objectContaining({ limit: 'staff-reauth-account-address', staffId: staff.id }),
    ])
    // Nothing replaced, still signed in, and the member still signs in with the app's code.
    expect((await client.get(PAGE)).text).toMatch(/govuk-summary-list__value">\s*10\s*</)
    await signInStaff(new Browserish(t.app), staff)
  }, 60_000)

  it('the audit trail names the event in English and Welsh', async () => {
    const { client, staff } = await signedIn('admin')
    expect((await client.post(PAGE, { code: nextStepCode(staff) }, PAGE)).status).toBe(200)
    const filtered = '/staff/audit?action=staff-recovery-codes-renewed'
    expect((await client.get(filtered)).text).toContain('Made new recovery codes')
    expect((await client.get(`${filtered}&lang=cy`)).text).toContain('Wedi gwneud codau adfer newydd')
  })

  // Spelling is checked on the registered states (test/integration/welsh/every-state.test.ts);
  // the page of new codes, which needs the app's code, is checked for English here.
  it('is in Welsh: the page, its error, and the new codes', async () => {
    const { client, staff } = await signedIn()
    await client.get('/staff?lang=cy')
    const pages = [
      await client.get(PAGE),
      await client.post(PAGE, { code: '' }, PAGE),
      await client.post(PAGE, { code: nextStepCode(staff) }, PAGE),
    ]
    expect(pages.map((p) => p.status)).toEqual([200, 400, 200])
    expect(pages[2]?.text).toContain('Cadwch eich codau adfer newydd')
    for (const page of pages) {
      expect(page.text).toContain('<html lang="cy"')
      expect(englishOn(page.text)).toEqual([])
    }
  })
})

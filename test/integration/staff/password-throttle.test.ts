import { PASSWORD_CHANGE_LIMIT } from '../../../app/staff/password-change-throttle'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { LogCapture } from '../../helpers/log-capture'
import { signedInClient, signInStaff, type TestStaff } from '../../helpers/staff'

const PAGE = '/staff/password'
const NEW = 'harbour-quartz-meadow-9'

describe('“Change your password” limits wrong current passwords per account, without locking anyone out', () => {
  let t: TestApp
  const log = new LogCapture()
  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, { logDestination: log.stream })
  })
  afterAll(() => t.close())
  beforeEach(() => log.clear())

  const change = (client: Browserish, current: string) =>
    client.post(PAGE, { current, password: NEW, confirm: NEW }, PAGE)
  /** Milliseconds until the current 15-minute window of the app's clock ends. */
  const toWindowEnd = () => {
    const ms = PASSWORD_CHANGE_LIMIT.windowSeconds * 1000
    return ms - (t.clock.millis() % ms)
  }
  const wrongTries = async (client: Browserish, n: number) => {
    for (let i = 0; i < n; i++) expect((await change(client, `guess-${i}`)).status).toBe(400)
  }
  const passwordIs = async (staff: TestStaff, password: string) => {
    const res = await new Browserish(t.app).post('/staff/sign-in', { email: staff.email, password }, '/staff/sign-in')
    return res.status === 303
  }

  it('the 6th try in the window is refused even with the right password; the member stays signed in', async () => {
    const { client, staff } = await signedInClient(t, 'auditor')
    await wrongTries(client, PASSWORD_CHANGE_LIMIT.points)
    const refused = await change(client, staff.password)
    expect(refused.status).toBe(429)
    const minutes = Math.ceil(toWindowEnd() / 60_000)
    expect(refused.headers['retry-after']).toBe(String(Math.ceil(toWindowEnd() / 1000)))
    expect(refused.text).toContain('govuk-error-summary')
    expect(refused.text).toContain('href="#current"')
    expect(refused.text).toContain(
      `You have entered your current password wrongly too many times. Wait ${minutes} minutes and try again.`,
    )
    // On the security log: each wrong password, then the refusal (the 6th try was not checked).
    expect(log.events('lock-out')).toEqual([
      expect.objectContaining({ level: 40, limit: 'staff-password-change', staffId: staff.id }),
    ])
    expect(log.events('sign-in-failure').filter((e) => e.staffId === staff.id)).toHaveLength(
      PASSWORD_CHANGE_LIMIT.points,
    )
    // Not changed, not signed out, and the account is not locked: the password still signs in.
    expect(await passwordIs(staff, staff.password)).toBe(true)
    expect(await passwordIs(staff, NEW)).toBe(false)
    expect((await client.get('/staff')).status).toBe(200)
    await signInStaff(new Browserish(t.app), staff)
  })

  it('works again once the window has passed (the app’s clock)', async () => {
    const { client, staff } = await signedInClient(t, 'auditor')
    await wrongTries(client, PASSWORD_CHANGE_LIMIT.points)
    expect((await change(client, staff.password)).status).toBe(429)
    // Halfway, a page to keep the session alive (staff sessions end after 15 idle minutes).
    t.clock.advance(Math.floor(toWindowEnd() / 2))
    expect((await client.get('/staff')).status).toBe(200)
    t.clock.advance(toWindowEnd() - 1000)
    expect((await change(client, staff.password)).status).toBe(429)
    t.clock.advance(1000)
    const res = await change(client, staff.password)
    expect(res.headers.location).toBe('/staff/password?done=1')
    expect(await passwordIs(staff, NEW)).toBe(true)
  })

  it('a right password gives its try back, and one account’s count is not another’s', async () => {
    const { client, staff } = await signedInClient(t, 'auditor')
    const other = await signedInClient(t, 'auditor')
    await wrongTries(other.client, PASSWORD_CHANGE_LIMIT.points)
    await wrongTries(client, PASSWORD_CHANGE_LIMIT.points - 1)
    // A right current password with a weak new one: not changed, and not counted.
    const weak = await client.post(
      PAGE,
      { current: staff.password, password: 'password1234', confirm: 'password1234' },
      PAGE,
    )
    expect(weak.status).toBe(400)
    expect(weak.text).toContain('too easy to guess')
    expect((await change(client, staff.password)).headers.location).toBe('/staff/password?done=1')
    expect(log.events('lock-out')).toEqual([])
  })

  it('a missing current password is an error of its own and is not counted', async () => {
    const { client, staff } = await signedInClient(t, 'auditor')
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.points + 2; i++) {
      const res = await change(client, '')
      expect(res.status).toBe(400)
      expect(res.text).toContain('Enter your current password')
    }
    expect((await change(client, staff.password)).headers.location).toBe('/staff/password?done=1')
  })
})

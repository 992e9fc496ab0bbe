import { SIGN_IN_LIMITS } from '../../../app/staff/sign-in-throttle'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { createStaff, type TestStaff } from '../../helpers/staff'

/** A browser at its own address: the test app trusts one proxy hop, which names the client. */
function browserAt(t: TestApp, address: string): Browserish {
  const client = new Browserish(t.app)
  client.agent.set('X-Forwarded-For', address)
  return client
}

/** The password and, when it is accepted, the code from the app: the reply to the last step taken. */
async function signIn(client: Browserish, staff: TestStaff, password = staff.password) {
  const res = await client.post('/staff/sign-in', { email: staff.email, password }, '/staff/sign-in')
  if (res.status !== 303) return res
  return client.post('/staff/sign-in/code', { code: await staff.nextCode() }, '/staff/sign-in/code')
}

describe('sign-in throttling slows guessing without letting anyone lock a member of staff out', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1' })
  })
  afterAll(async () => {
    await t.close()
  })

  it('20 wrong passwords from other addresses do not stop the right one from the usual address', async () => {
    const staff = await createStaff(t, 'adviser')
    const usual = '198.51.100.7'
    expect((await signIn(browserAt(t, usual), staff)).status).toBe(303)
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) {
      statuses.push((await signIn(browserAt(t, `203.0.113.${i + 1}`), staff, `wrong-password-${i}`)).status)
    }
    // Strangers' guesses stop once the account's limit for unfamiliar addresses is reached…
    const allowed = SIGN_IN_LIMITS.perAccountUnfamiliar.points
    expect(statuses).toEqual([...Array<number>(allowed).fill(400), ...Array<number>(20 - allowed).fill(429)])
    // …even with the right password from yet another stranger's address…
    expect((await signIn(browserAt(t, '203.0.113.99'), staff)).status).toBe(429)
    // …while the member of staff signs in from their usual address as ever.
    const res = await signIn(browserAt(t, usual), staff)
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/staff')
  }, 120_000)

  it('20 wrong passwords from one other address: that address is refused, the usual one is not', async () => {
    const staff = await createStaff(t, 'adviser')
    const usual = '198.51.100.8'
    expect((await signIn(browserAt(t, usual), staff)).status).toBe(303)
    const attacker = browserAt(t, '192.0.2.50')
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await signIn(attacker, staff, `wrong-password-${i}`)).status)
    const allowed = SIGN_IN_LIMITS.perAccountAddress.points
    expect(statuses).toEqual([...Array<number>(allowed).fill(400), ...Array<number>(20 - allowed).fill(429)])
    expect((await signIn(attacker, staff)).status).toBe(429)
    expect((await signIn(browserAt(t, usual), staff)).status).toBe(303)
  }, 120_000)

  it('from the usual address, typos only slow the next try: the right password still works after them', async () => {
    const staff = await createStaff(t, 'adviser')
    const usual = '198.51.100.9'
    expect((await signIn(browserAt(t, usual), staff)).status).toBe(303)
    const client = browserAt(t, usual)
    const timings: number[] = []
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAddress.points + 1; i++) {
      const started = Date.now()
      expect((await signIn(client, staff, `typo-${i}`)).status).toBe(400)
      timings.push(Date.now() - started)
    }
    // The fifth try waited 1 s before its password was checked, the sixth 2 s.
    expect(timings[4]).toBeGreaterThanOrEqual(1000)
    expect(timings[5]).toBeGreaterThanOrEqual(2000)
    expect((await signIn(client, staff)).status).toBe(303)
  }, 120_000)

  it('an address that is new for the account is refused after 5 failures, the right password too', async () => {
    const staff = await createStaff(t, 'adviser')
    const client = browserAt(t, '192.0.2.77')
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAddress.points; i++) {
      expect((await signIn(client, staff, `wrong-${i}`)).status).toBe(400)
    }
    const refused = await signIn(client, staff)
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('You have tried to sign in too many times')
  }, 120_000)
})

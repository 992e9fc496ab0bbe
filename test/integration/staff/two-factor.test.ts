import { STAFF_ROUTES } from '../../../app/staff/route-table'
import { TWO_FACTOR_LIMITS } from '../../../app/staff/sign-in-throttle'
import { changeAccount } from '../../../app/staff/service/lifecycle'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { createStaff, signInFirstTime, totpCode, type TestStaff } from '../../helpers/staff'

/** A browser at its own address: the test app trusts one proxy hop, which names the client. */
function browserAt(t: TestApp, address = '198.51.100.20'): Browserish {
  const client = new Browserish(t.app)
  client.agent.set('X-Forwarded-For', address)
  return client
}

async function password(client: Browserish, staff: Pick<TestStaff, 'email' | 'password'>) {
  const res = await client.post('/staff/sign-in', { email: staff.email, password: staff.password }, '/staff/sign-in')
  expect(res.status).toBe(303)
  return res
}

const code = (client: Browserish, value: string) =>
  client.post('/staff/sign-in/code', { code: value }, '/staff/sign-in/code')

describe('two-factor sign-in for staff', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1' })
  })
  afterAll(() => t.close())

  it('after the password alone, no staff page opens: every guarded GET goes back to sign-in', async () => {
    const staff = await createStaff(t, 'admin')
    const client = browserAt(t)
    expect((await password(client, staff)).headers.location).toBe('/staff/sign-in/code')
    for (const route of STAFF_ROUTES.filter((r) => r.method === 'get')) {
      const res = await client.get(route.path.replace(':id', staff.id))
      expect([route.path, res.status, res.headers.location]).toEqual([route.path, 303, '/staff/sign-in'])
    }
    // Leaving the code out is refused too.
    const none = await client.post('/staff/sign-in/code', {}, '/staff/sign-in/code')
    expect(none.status).toBe(400)
    expect(none.text).toContain('Enter the 6-digit code from your authenticator app, or a recovery code')
    expect((await client.get('/staff')).headers.location).toBe('/staff/sign-in')
  })

  it('refuses a wrong code, accepts the right one, and refuses that code a second time', async () => {
    const staff = await createStaff(t, 'adviser')
    const client = browserAt(t)
    await password(client, staff)
    const right = await staff.nextCode()
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0')
    const refused = await code(client, wrong)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Enter the code your authenticator app shows now')
    expect((await client.get('/staff')).headers.location).toBe('/staff/sign-in')

    const accepted = await code(client, right)
    expect([accepted.status, accepted.headers.location]).toEqual([303, '/staff'])
    expect((await client.get('/staff')).status).toBe(200)

    // The same code again, on another computer with the password: refused, as seen over a shoulder.
    const other = browserAt(t)
    await password(other, staff)
    expect((await code(other, right)).status).toBe(400)
    expect((await other.get('/staff')).headers.location).toBe('/staff/sign-in')
  })

  it('accepts a code one step either side of now, not two', async () => {
    const now = t.clock.now().getTime()
    for (const [offset, status] of [
      [-60_000, 400],
      [-30_000, 303],
      [30_000, 303],
      [60_000, 400],
    ] as const) {
      const staff = await createStaff(t, 'adviser')
      const client = browserAt(t)
      await password(client, staff)
      expect([offset, (await code(client, totpCode(staff.totpSecret ?? '', new Date(now + offset)))).status]).toEqual([
        offset,
        status,
      ])
    }
  })

  it('a code older than the last one used is refused, though within the drift', async () => {
    const staff = await createStaff(t, 'adviser')
    const now = t.clock.now().getTime()
    const client = browserAt(t)
    await password(client, staff)
    expect((await code(client, totpCode(staff.totpSecret ?? '', new Date(now + 30_000)))).status).toBe(303)
    const again = browserAt(t)
    await password(again, staff)
    expect((await code(again, totpCode(staff.totpSecret ?? '', new Date(now)))).status).toBe(400)
  })

  it('a recovery code signs in once (typed in capitals, without hyphens), then never again', async () => {
    const staff = await createStaff(t, 'auditor')
    const [first] = staff.recoveryCodes
    const client = browserAt(t)
    await password(client, staff)
    const used = await code(client, (first ?? '').replace(/-/g, '').toUpperCase())
    expect([used.status, used.headers.location]).toEqual([303, '/staff'])
    const again = browserAt(t)
    await password(again, staff)
    expect((await code(again, first ?? '')).status).toBe(400)
    const rows = await t.runtime.db.all<{ code_hash: string; used_at: string | null }>(
      'SELECT code_hash, used_at FROM staff_recovery_codes WHERE account_id = $1',
      [staff.id],
    )
    expect(rows).toHaveLength(10)
    expect(rows.filter((r) => r.used_at)).toHaveLength(1)
    // Hashes only: no code is stored as it was shown.
    for (const row of rows) expect(staff.recoveryCodes).not.toContain(row.code_hash)
  })

  it('sets up two-factor at the first sign-in: key as text and QR code, a code to confirm, 10 recovery codes', async () => {
    const staff = await createStaff(t, 'adviser', undefined, { twoFactor: false })
    const client = browserAt(t)
    expect((await password(client, staff)).headers.location).toBe('/staff/sign-in/set-up')
    // Not signed in yet, and the code page is not for an account with nothing set up.
    expect((await client.get('/staff')).headers.location).toBe('/staff/sign-in')
    expect((await client.get('/staff/sign-in/code')).headers.location).toBe('/staff/sign-in/set-up')
    const page = await client.get('/staff/sign-in/set-up')
    expect(page.text).toMatch(/<img class="app-qr-code" src="data:image\/svg\+xml;base64,[\w+/=]+" alt="QR code /)
    const shown = /<code id="secret">([^<]+)<\/code>/.exec(page.text)?.[1] ?? ''
    expect(shown).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)
    // The same key on a second look (a reload must not change what the phone was given).
    expect((await client.get('/staff/sign-in/set-up')).text).toContain(shown)
    const wrong = await client.post('/staff/sign-in/set-up', { code: '12' })
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Enter the code as 6 digits')

    const kept = await signInFirstTime(browserAt(t), staff, t.clock.now)
    expect(kept.recoveryCodes).toHaveLength(10)
    expect(new Set(kept.recoveryCodes).size).toBe(10)
    for (const c of kept.recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
    // Stored encrypted, bound to the account: neither the key nor its base32 appears in the row.
    const row = await t.runtime.db.get<{ totp_secret: string }>(
      'SELECT totp_secret FROM staff_accounts WHERE id = $1',
      [staff.id],
    )
    expect(row?.totp_secret).toMatch(/^v1\.[\w-]+\.[\w-]+$/)
    expect(row?.totp_secret).not.toContain(kept.totpSecret)
    // The other tab's set-up came second: it is sent to the code page instead.
    expect(
      (await client.post('/staff/sign-in/set-up', { code: totpCode(shown.replace(/ /g, ''), t.clock.now()) })).headers
        .location,
    ).toBe('/staff/sign-in/code')
    // Signed in with what was set up, next time.
    const later = browserAt(t)
    await password(later, staff)
    expect((await code(later, await kept.nextCode())).headers.location).toBe('/staff')
  })

  it('wrong codes are throttled like passwords: a stranger is refused after 5, the usual address is not', async () => {
    const staff = await createStaff(t, 'adviser')
    const usual = browserAt(t, '198.51.100.30')
    await password(usual, staff)
    expect((await code(usual, await staff.nextCode())).status).toBe(303)
    const attacker = browserAt(t, '192.0.2.30')
    await password(attacker, staff)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await code(attacker, String(100000 + i))).status)
    const allowed = TWO_FACTOR_LIMITS.perAccountAddress.points
    expect(statuses).toEqual([...Array<number>(allowed).fill(400), ...Array<number>(7 - allowed).fill(429)])
    expect((await code(attacker, await staff.nextCode())).status).toBe(429)
    const back = browserAt(t, '198.51.100.30')
    await password(back, staff)
    expect((await code(back, await staff.nextCode())).headers.location).toBe('/staff')
  }, 60_000)

  it('the half-way state goes cold after 15 minutes, and ends when the account is disabled', async () => {
    const staff = await createStaff(t, 'adviser')
    const client = browserAt(t)
    await password(client, staff)
    t.clock.advanceMinutes(15)
    expect((await code(client, await staff.nextCode())).headers.location).toBe('/staff/sign-in')

    const other = await createStaff(t, 'adviser')
    const again = browserAt(t)
    await password(again, other)
    await changeAccount(t.runtime.db, other.id, { kind: 'disable' }, null, t.clock.now())
    expect((await code(again, await other.nextCode())).headers.location).toBe('/staff/sign-in')
  })
})

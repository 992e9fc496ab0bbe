import type { Page } from 'playwright-core'
import { Secret, TOTP } from 'otpauth'
import { createAccount } from '../../app/staff/service/accounts'
import { saveEnrolment } from '../../app/staff/service/two-factor'
import { hashRecoveryCode, newRecoveryCodes } from '../../app/staff/recovery-codes'
import { sealSecret, secretBoxKey } from '../../app/staff/secret-box'
import { newTotpSecret } from '../../app/staff/two-factor'
import type { Role } from '../../app/staff/roles'
import { Browserish, type TestApp } from './app'

export interface TestStaff {
  id: string
  email: string
  password: string
  role: Role
  /** The authenticator secret (base32), as the member's phone would hold it; absent when not set up. */
  totpSecret?: string
  /** Ten unused recovery codes, when two-factor is set up. */
  recoveryCodes: string[]
  /**
   * The code the member's app shows now (on the test app's clock), for one more sign-in.
   * The test clock stands still, so every sign-in falls in the same 30-second step and the
   * portal refuses a step twice: this forgets the step last used, as 30 seconds passing
   * would. test/integration/staff/two-factor.test.ts shows the refusal this steps round.
   */
  nextCode(): Promise<string>
}

let counter = 0

/** The code an authenticator app shows for `secret` at `at`. */
export function totpCode(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  })
}

/**
 * A staff account in the test app's own database, with a password that passes the policy
 * and (unless `twoFactor: false`) two-factor already set up, as after a first sign-in.
 */
export async function createStaff(
  t: TestApp,
  role: Role,
  email?: string,
  options: { twoFactor?: boolean; mustChangePassword?: boolean } = {},
): Promise<TestStaff> {
  counter += 1
  const address = email ?? `${role}-${counter}-${Date.now()}@staff.test`
  const password = `test-${role}-Pw-${counter}-horse-battery`
  const result = await createAccount(
    t.runtime.db,
    { email: address, password, role, mustChangePassword: options.mustChangePassword },
    t.clock.now(),
  )
  if (!result.ok) throw new Error(`could not create test staff: ${result.problem}`)
  const id = result.account.id
  const staff: TestStaff = {
    id,
    email: result.account.email,
    password,
    role,
    recoveryCodes: [],
    nextCode: () => Promise.reject(new Error('this test account has no two-factor set up')),
  }
  if (options.twoFactor === false) return staff
  const secret = newTotpSecret()
  const codes = newRecoveryCodes()
  const sealed = sealSecret(secretBoxKey(t.config.staffTotpKey), id, secret)
  if (!(await saveEnrolment(t.runtime.db, id, sealed, 0, codes.map(hashRecoveryCode))))
    throw new Error('could not set up two-factor for test staff')
  return {
    ...staff,
    totpSecret: secret,
    recoveryCodes: codes,
    async nextCode() {
      await t.runtime.db.run('UPDATE staff_accounts SET totp_last_step = NULL WHERE id = $1', [id])
      return totpCode(secret, t.clock.now())
    },
  }
}

/**
 * Signs in through the real forms (password, then the code from the app) with a
 * cookie-keeping supertest client. Throws if it does not land on /staff.
 */
export async function signInStaff(
  client: Browserish,
  staff: Pick<TestStaff, 'email' | 'password' | 'nextCode'>,
): Promise<void> {
  const res = await client.post('/staff/sign-in', { email: staff.email, password: staff.password }, '/staff/sign-in')
  if (res.status !== 303 || res.headers.location !== '/staff/sign-in/code') {
    throw new Error(`staff sign-in failed at the password: ${res.status} ${res.headers.location ?? ''}`)
  }
  const code = await client.post('/staff/sign-in/code', { code: await staff.nextCode() }, '/staff/sign-in/code')
  if (code.status !== 303 || code.headers.location !== '/staff') {
    throw new Error(`staff sign-in failed at the code: ${code.status} ${code.headers.location ?? ''}`)
  }
}

/** Creates an account with the role and signs a fresh client in as it. */
export async function signedInClient(t: TestApp, role: Role): Promise<{ client: Browserish; staff: TestStaff }> {
  const staff = await createStaff(t, role)
  const client = new Browserish(t.app)
  await signInStaff(client, staff)
  return { client, staff }
}

/** Signs a Chromium page in through the real forms (labels "Email address", "Password", then the code). */
export async function signInStaffInBrowser(
  page: Page,
  origin: string,
  staff: Pick<TestStaff, 'email' | 'password' | 'nextCode'>,
  lang: 'en' | 'cy' = 'en',
) {
  const labels =
    lang === 'en'
      ? ['Email address', 'Password', 'Sign in', 'Enter the code from your authenticator app', 'Continue']
      : ['Cyfeiriad e-bost', 'Cyfrinair', 'Mewngofnodi', 'Rhowch y cod o’ch ap dilysu', 'Parhau']
  await page.goto(`${origin}/staff/sign-in?lang=${lang}`)
  await page.getByLabel(labels[0] ?? '', { exact: true }).fill(staff.email)
  await page.getByLabel(labels[1] ?? '', { exact: true }).fill(staff.password)
  await Promise.all([
    page.waitForURL(`${origin}/staff/sign-in/code`),
    page.getByRole('button', { name: labels[2] }).click(),
  ])
  await page.getByLabel(labels[3] ?? '', { exact: true }).fill(await staff.nextCode())
  await Promise.all([page.waitForURL(`${origin}/staff`), page.getByRole('button', { name: labels[4] }).click()])
}

/**
 * The first sign-in of an account made elsewhere (the command line, an admin's page): the
 * password, then setting up two-factor from the key the page shows (read as a person would
 * type it), ending on the recovery codes. Returns what the member would have kept, with a
 * `nextCode` for later sign-ins. `now` is the test app's clock.
 */
export async function signInFirstTime(
  client: Browserish,
  account: { email: string; password: string },
  now: () => Date,
): Promise<{ totpSecret: string; recoveryCodes: string[]; nextCode(): Promise<string> }> {
  const res = await client.post(
    '/staff/sign-in',
    { email: account.email, password: account.password },
    '/staff/sign-in',
  )
  if (res.status !== 303 || res.headers.location !== '/staff/sign-in/set-up') {
    throw new Error(`first sign-in failed at the password: ${res.status} ${res.headers.location ?? ''}`)
  }
  const page = await client.get('/staff/sign-in/set-up')
  const secret = /<code id="secret">([^<]+)<\/code>/.exec(page.text)?.[1]?.replace(/\s/g, '')
  if (!secret) throw new Error('the set-up page shows no key')
  let step = 0
  const codeNow = () => totpCode(secret, new Date(now().getTime() + 30_000 * step))
  const done = await client.post('/staff/sign-in/set-up', { code: codeNow() })
  const recoveryCodes = [...done.text.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((m) => m[1] ?? '')
  if (done.status !== 200 || recoveryCodes.length !== 10) {
    throw new Error(`first sign-in failed at setting up two-factor: ${done.status}`)
  }
  return {
    totpSecret: secret,
    recoveryCodes,
    // Set-up spent this step; later sign-ins use the next ones (one step of drift is accepted).
    nextCode: () => {
      step += 1
      if (step > 1) return Promise.reject(new Error('only one more sign-in without moving the clock'))
      return Promise.resolve(codeNow())
    },
  }
}

import type { Page } from 'playwright-core'
import { createAccount } from '../../app/staff/service/accounts'
import type { Role } from '../../app/staff/roles'
import { Browserish, type TestApp } from './app'

export interface TestStaff {
  id: string
  email: string
  password: string
  role: Role
}

let counter = 0

/** A staff account in the test app's own database, with a password that passes the policy. */
export async function createStaff(t: TestApp, role: Role, email?: string): Promise<TestStaff> {
  counter += 1
  const address = email ?? `${role}-${counter}-${Date.now()}@staff.test`
  const password = `test-${role}-Pw-${counter}-horse-battery`
  const result = await createAccount(t.runtime.db, { email: address, password, role }, t.clock.now())
  if (!result.ok) throw new Error(`could not create test staff: ${result.problem}`)
  return { id: result.account.id, email: result.account.email, password, role }
}

/** Signs in through the real form with a cookie-keeping supertest client. Throws if it does not land on /staff. */
export async function signInStaff(client: Browserish, staff: Pick<TestStaff, 'email' | 'password'>): Promise<void> {
  const res = await client.post('/staff/sign-in', { email: staff.email, password: staff.password }, '/staff/sign-in')
  if (res.status !== 303 || res.headers.location !== '/staff') {
    throw new Error(`staff sign-in failed: ${res.status} ${res.headers.location ?? ''}`)
  }
}

/** Creates an account with the role and signs a fresh client in as it. */
export async function signedInClient(t: TestApp, role: Role): Promise<{ client: Browserish; staff: TestStaff }> {
  const staff = await createStaff(t, role)
  const client = new Browserish(t.app)
  await signInStaff(client, staff)
  return { client, staff }
}

/** Signs a Chromium page in through the real form (labels "Email address" and "Password"). */
export async function signInStaffInBrowser(
  page: Page,
  origin: string,
  staff: Pick<TestStaff, 'email' | 'password'>,
  lang: 'en' | 'cy' = 'en',
) {
  const labels =
    lang === 'en' ? ['Email address', 'Password', 'Sign in'] : ['Cyfeiriad e-bost', 'Cyfrinair', 'Mewngofnodi']
  await page.goto(`${origin}/staff/sign-in?lang=${lang}`)
  await page.getByLabel(labels[0] ?? '', { exact: true }).fill(staff.email)
  await page.getByLabel(labels[1] ?? '', { exact: true }).fill(staff.password)
  await Promise.all([page.waitForURL(`${origin}/staff`), page.getByRole('button', { name: labels[2] }).click()])
}

import type { PageState, Step } from '../../../app/a11y/page-state'
import type { Registry } from '../../../app/a11y/registry'
import type { TestApp } from '../app'
import { createStaff, type TestStaff } from '../staff'

/** The sign-in's first step, through the real form: the page, then the address and password. */
export function passwordSteps(account: Pick<TestStaff, 'email' | 'password'>): Step[] {
  return [
    { get: '/staff/sign-in' },
    { post: '/staff/sign-in', form: { email: account.email, password: account.password } },
  ]
}

/** The whole sign-in: the password, then the code the account's app shows now. */
export async function staffSignInSteps(account: Pick<TestStaff, 'email' | 'password' | 'nextCode'>): Promise<Step[]> {
  return [...passwordSteps(account), { post: '/staff/sign-in/code', form: { code: await account.nextCode() } }]
}

/**
 * The walker's `stepsFor`: a state that needs a member of staff starts by signing in,
 * through the real forms (password, then the code from the app), as an account with that
 * role made in the test app's database for this state alone: one sign-in per account, so
 * two workers never race for the same code. A state with `staffSignIn` stops after the
 * password, with an account that has (`code`) or has not (`set-up`) two-factor set up, or
 * after the code with an account whose password was reset (`new-password`).
 */
export function withStaffSignIn(t: TestApp, reg: Registry): (state: PageState) => Promise<Step[]> {
  return async (state) => {
    const steps = reg.stepsFor(state)
    if (!state.staffRole) return steps
    const account = await createStaff(t, state.staffRole, undefined, {
      twoFactor: state.staffSignIn !== 'set-up',
      mustChangePassword: state.staffSignIn === 'new-password',
    })
    if (state.staffSignIn === 'code' || state.staffSignIn === 'set-up') return [...passwordSteps(account), ...steps]
    return [...(await staffSignInSteps(account)), ...steps]
  }
}

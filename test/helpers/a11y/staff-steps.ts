import type { PageState, Step } from '../../../app/a11y/page-state'
import type { Registry } from '../../../app/a11y/registry'
import type { Role } from '../../../app/staff/roles'
import type { TestApp } from '../app'
import { createStaff } from '../staff'

/**
 * The walker's `stepsFor`: a state that needs a member of staff starts by signing in,
 * through the real form, as an account with that role made in the test app's database.
 */
export async function withStaffSignIn(t: TestApp, reg: Registry): Promise<(state: PageState) => Step[]> {
  const roles = [...new Set(reg.states.flatMap((s) => (s.staffRole ? [s.staffRole] : [])))] as Role[]
  const accounts = new Map<Role, { email: string; password: string }>()
  for (const role of roles) accounts.set(role, await createStaff(t, role))
  return (state) => {
    const steps = reg.stepsFor(state)
    const account = state.staffRole ? accounts.get(state.staffRole) : undefined
    if (!account) return steps
    return [
      { get: '/staff/sign-in' },
      { post: '/staff/sign-in', form: { email: account.email, password: account.password } },
      ...steps,
    ]
  }
}

import { pageStates } from '../../../app/staff/page-states'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { createStaff, signInStaff } from '../../helpers/staff'

const states = pageStates()

describe('staff page states for the accessibility walker', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('have unique ids and include every staff page and error state', () => {
    expect(new Set(states.map((s) => s.id)).size).toBe(states.length)
    expect(states.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'staff/sign-in',
        'staff/sign-in/error',
        'staff/sign-in/code',
        'staff/sign-in/code/error',
        'staff/sign-in/set-up',
        'staff/sign-in/set-up/error',
        'staff/sign-in/new-password',
        'staff/sign-in/new-password/error',
        'staff/password',
        'staff/password/error',
        'staff/password/too-many',
        'staff/recovery-codes',
        'staff/recovery-codes/error',
        'staff/recovery-codes/wrong',
        'staff/home',
        'staff/start/error',
        'staff/resume/error',
        'staff/cases',
        'staff/audit',
        'staff/accounts',
        'staff/accounts/new',
        'staff/accounts/new/error',
        'staff/accounts/new/email-format',
        'staff/assisted-banner',
      ]),
    )
  })

  it.each(states.map((s) => [s.id, s] as const))('%s is reached by replaying its steps', async (_id, state) => {
    const client = new Browserish(t.app)
    if (state.staffRole && state.staffSignIn) {
      const staff = await createStaff(t, state.staffRole, undefined, {
        twoFactor: state.staffSignIn !== 'set-up',
        mustChangePassword: state.staffSignIn === 'new-password',
      })
      let res = await client.post('/staff/sign-in', { email: staff.email, password: staff.password }, '/staff/sign-in')
      if (state.staffSignIn === 'new-password')
        res = await client.post('/staff/sign-in/code', { code: await staff.nextCode() }, '/staff/sign-in/code')
      expect(res.headers.location).toBe(`/staff/sign-in/${state.staffSignIn}`)
    } else if (state.staffRole) await signInStaff(client, await createStaff(t, state.staffRole))
    let res: Awaited<ReturnType<Browserish['get']>> | undefined
    for (const [i, step] of state.steps.entries()) {
      res = 'get' in step ? await client.get(step.get) : await client.post(step.post, step.form)
      const next = state.steps[i + 1]
      // A form sent again straight after (wrong tries towards a limit) was refused with its errors.
      const resent = 'post' in step && next !== undefined && 'post' in next && next.post === step.post
      if (next) expect(res.status).toBe(resent ? 400 : 'post' in step ? 303 : 200)
    }
    expect(res?.status).toBe(state.expectStatus)
    if (state.expectStatus === 400) expect(res?.text).toContain('govuk-error-summary')
    if (state.id === 'staff/assisted-banner') expect(res?.text).toContain('on behalf of')
    if (state.expectStatus === 429) expect(res?.text).toContain('govuk-error-summary')
  })
})

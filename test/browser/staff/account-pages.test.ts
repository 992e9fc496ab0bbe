import type { PageState, Step } from '../../../app/a11y/page-state'
import { walkOwnStates } from '../../helpers/a11y/own-states'
import { staffSignInSteps } from '../../helpers/a11y/staff-steps'
import { createTestApp } from '../../helpers/app'
import { chromiumAvailable } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { createStaff } from '../../helpers/staff'

const run = chromiumAvailable() ? describe : describe.skip
/** Stands for an address not yet added, made afresh for each replay (a second add of one address is refused). */
const NEW_ADDRESS = 'new-address'

/**
 * One staff account's page is addressed by the account's id, which the registry's fixed
 * steps cannot know, so the walker checks it here, with every check the walker runs on the
 * registered states (axe with JavaScript on and off, HTML, structure, reflow, keyboard), on an
 * account made for the run. So are the two states of "Add a staff account" that need the
 * run's own accounts: an address already taken (that account's), and the temporary password
 * shown for a new account (an address not yet used, new for every language).
 */
run('an admin’s page for one staff account, in English and Welsh', () => {
  const suite = servedInChromium(() => createTestApp())

  walkOwnStates(suite, {
    ids: [
      'staff/account',
      'staff/account/error',
      'staff/account/temporary-password',
      'staff/accounts/new/exists',
      'staff/accounts/new/temporary-password',
    ],
    prepare: async () => {
      const subject = await createStaff(suite.app, 'adviser')
      // An admin of its own for each state: the two workers never race for one account's code.
      const signIn = async () => staffSignInSteps(await createStaff(suite.app, 'admin'))
      const page = `/staff/accounts/${subject.id}`
      const form = '/staff/accounts/new'
      let added = 0
      // An address never added before, for each replay of the state that adds one.
      const fresh = (steps: readonly Step[]): Step[] =>
        steps.map((step) =>
          'post' in step && step.form.email === NEW_ADDRESS
            ? { ...step, form: { ...step.form, email: `walker-${(added += 1)}@staff.test` } }
            : step,
        )
      const states: PageState[] = [
        {
          id: 'staff/account',
          journey: 'staff',
          description: 'One staff account, as an administrator',
          steps: [{ get: page }],
          expectStatus: 200,
          staffRole: 'admin',
        },
        {
          id: 'staff/account/temporary-password',
          journey: 'staff',
          description: 'A temporary password, shown once after an administrator resets one',
          steps: [{ get: page }, { post: `${page}/reset-password`, form: {} }],
          expectStatus: 200,
          staffRole: 'admin',
        },
        {
          id: 'staff/account/error',
          journey: 'staff',
          description: 'One staff account, with an error (no role chosen)',
          steps: [{ get: page }, { post: `${page}/role`, form: {} }],
          expectStatus: 400,
          staffRole: 'admin',
        },
        {
          id: 'staff/accounts/new/exists',
          journey: 'staff',
          description: 'Add a staff account, with an error (an address that already has an account)',
          steps: [{ get: form }, { post: form, form: { email: subject.email, role: 'adviser' } }],
          expectStatus: 400,
          staffRole: 'admin',
          personalFields: { email: 'off' },
        },
        {
          id: 'staff/accounts/new/temporary-password',
          journey: 'staff',
          description: 'A new staff account’s temporary password, shown once',
          steps: [{ get: form }, { post: form, form: { email: NEW_ADDRESS, role: 'adviser' } }],
          expectStatus: 200,
          staffRole: 'admin',
        },
      ]
      return { states, stepsFor: async (state) => [...(await signIn()), ...fresh(state.steps)] }
    },
  })
})

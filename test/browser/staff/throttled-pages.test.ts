import type { PageState, Step } from '../../../app/a11y/page-state'
import { walkOwnStates } from '../../helpers/a11y/own-states'
import { passwordSteps } from '../../helpers/a11y/staff-steps'
import { createTestApp } from '../../helpers/app'
import { chromiumAvailable } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { createStaff } from '../../helpers/staff'

const run = chromiumAvailable() ? describe : describe.skip

/** One more than the per-account limit from an address the account has not signed in from (sign-in-throttle.ts). */
const TRIES = 6

/** A code the app does not show now: the real one with its first digit moved on. */
const wrongCode = (code: string) => `${(Number(code[0]) + 1) % 10}${code.slice(1)}`

/**
 * The sign-in's two refusals after too many wrong tries, walked with every check the walker
 * runs on the registered states (axe with JavaScript on and off, HTML, structure, reflow,
 * keyboard), in English and Welsh. They are walked here, in a test app of their own, not from
 * the registry: reaching them counts failures against the test app's address, which every
 * other state in a shared run signs in from.
 */
run('the staff sign-in refused after too many wrong tries, in English and Welsh', () => {
  const suite = servedInChromium(() => createTestApp())
  const expected: Record<string, RegExp> = {
    'staff/sign-in/too-many': /^(Error: Sign in as staff|Gwall: Mewngofnodi fel aelod o staff)/,
    'staff/sign-in/code/too-many': /^(Error: Enter the code|Gwall: Rhowch y cod)/,
  }

  walkOwnStates(suite, {
    ids: Object.keys(expected),
    prepare: async () => {
      // An account of its own for each state and language, never signed in from here before.
      const stepsFor = async (state: PageState): Promise<Step[]> => {
        const staff = await createStaff(suite.app, 'adviser')
        if (state.id === 'staff/sign-in/too-many') {
          const wrong = { email: staff.email, password: `${staff.password}-not` }
          return [
            { get: '/staff/sign-in' },
            ...Array.from({ length: TRIES }, () => ({ post: '/staff/sign-in', form: wrong })),
          ]
        }
        const code = wrongCode(await staff.nextCode())
        return [
          ...passwordSteps(staff),
          ...Array.from({ length: TRIES }, () => ({ post: '/staff/sign-in/code', form: { code } })),
        ]
      }
      const states: PageState[] = Object.keys(expected).map((id) => ({
        id,
        journey: 'staff',
        description: `${id === 'staff/sign-in/too-many' ? 'Staff sign-in' : 'The sign-in code'}, refused after ${TRIES} wrong tries`,
        steps: [],
        expectStatus: 429,
      }))
      return { states, stepsFor }
    },
    expectAlso: (r, { id }) => expect(r?.title).toMatch(expected[id] ?? /^$/),
  })
})

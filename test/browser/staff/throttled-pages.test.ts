import type { PageState, Step } from '../../../app/a11y/page-state'
import { walk, type StateResult } from '../../helpers/a11y/walker'
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
  const results = new Map<string, StateResult>()
  const expected: Record<string, RegExp> = {
    'staff/sign-in/too-many': /^(Error: Sign in as staff|Gwall: Mewngofnodi fel aelod o staff)/,
    'staff/sign-in/code/too-many': /^(Error: Enter the code|Gwall: Rhowch y cod)/,
  }

  beforeAll(
    async () => {
      // An account of its own for each state and language, never signed in from here before.
      const stepsFor = async (state: PageState): Promise<Step[]> => {
        const staff = await createStaff(suite.app, 'adviser')
        const password = { get: '/staff/sign-in' }
        if (state.id === 'staff/sign-in/too-many') {
          const wrong = { email: staff.email, password: `${staff.password}-not` }
          return [password, ...Array.from({ length: TRIES }, () => ({ post: '/staff/sign-in', form: wrong }))]
        }
        const code = wrongCode(await staff.nextCode())
        return [
          password,
          { post: '/staff/sign-in', form: { email: staff.email, password: staff.password } },
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
      const summary = await walk({ browser: suite.browser, origin: suite.origin, states, stepsFor })
      for (const r of summary.results) results.set(`${r.lang} ${r.id}`, r)
    },
    10 * 60 * 1000,
  )

  for (const lang of ['en', 'cy'] as const) {
    for (const id of Object.keys(expected)) {
      it(`${id} (${lang}) passes every check`, () => {
        const r = results.get(`${lang} ${id}`)
        expect(r?.title).toMatch(expected[id] ?? /^$/)
        expect((r?.findings ?? []).map((f) => `${f.check} ${f.rule}: ${f.message} ${f.targets.join(' | ')}`)).toEqual(
          [],
        )
      })
    }
  }
})

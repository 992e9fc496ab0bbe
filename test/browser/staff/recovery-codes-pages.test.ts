import type { PageState, Step } from '../../../app/a11y/page-state'
import { hashRecoveryCode } from '../../../app/staff/recovery-codes'
import { spendRecoveryCode } from '../../../app/staff/service/two-factor'
import { walkOwnStates } from '../../helpers/a11y/own-states'
import { staffSignInSteps } from '../../helpers/a11y/staff-steps'
import { createTestApp } from '../../helpers/app'
import { chromiumAvailable } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { createStaff, totpCode } from '../../helpers/staff'

const run = chromiumAvailable() ? describe : describe.skip
const PAGE = '/staff/recovery-codes'

/**
 * The recovery-code states the registry's fixed steps cannot reach: a new set needs the code
 * the member's app shows, and "few" or "none" left needs codes spent. Each state gets an
 * account of its own, made here, and the walker runs every check it runs on the registered
 * states (axe with JavaScript on and off, HTML, structure, reflow, keyboard) in both languages.
 */
run('a member’s recovery codes: few or none left, and a new set shown once, in English and Welsh', () => {
  const suite = servedInChromium(() => createTestApp())
  const states: PageState[] = [
    {
      id: 'staff/recovery-codes/few',
      journey: 'staff',
      description: 'Your recovery codes, with 3 left (a warning)',
      steps: [{ get: PAGE }],
      expectStatus: 200,
      staffRole: 'auditor',
    },
    {
      id: 'staff/recovery-codes/none',
      journey: 'staff',
      description: 'Your recovery codes, with none left (a warning)',
      steps: [{ get: PAGE }],
      expectStatus: 200,
      staffRole: 'auditor',
    },
    {
      id: 'staff/home/few-recovery-codes',
      journey: 'staff',
      description: 'Staff home page, with 3 recovery codes left (a warning)',
      steps: [{ get: '/staff' }],
      expectStatus: 200,
      staffRole: 'auditor',
    },
    {
      id: 'staff/recovery-codes/new',
      journey: 'staff',
      description: 'A new set of recovery codes, shown once after the code from the app',
      steps: [{ get: PAGE }],
      expectStatus: 200,
      staffRole: 'auditor',
    },
  ]
  const used: Record<string, number> = {
    'staff/recovery-codes/few': 7,
    'staff/recovery-codes/none': 10,
    'staff/home/few-recovery-codes': 7,
  }

  walkOwnStates(suite, {
    ids: states.map((s) => s.id),
    prepare: async () => {
      const t = suite.app
      const stepsFor = async (state: PageState): Promise<Step[]> => {
        const staff = await createStaff(t, 'auditor')
        for (const code of staff.recoveryCodes.slice(0, used[state.id] ?? 0))
          await spendRecoveryCode(t.runtime.db, staff.id, hashRecoveryCode(code), t.clock.now())
        const signIn = await staffSignInSteps(staff)
        if (state.id !== 'staff/recovery-codes/new') return [...signIn, ...state.steps]
        // The clock stands still and the sign-in spent this step: the app's next code.
        const code = totpCode(staff.totpSecret ?? '', new Date(t.clock.millis() + 30_000))
        return [...signIn, { get: PAGE }, { post: PAGE, form: { code } }]
      }
      return { states, stepsFor }
    },
  })
})

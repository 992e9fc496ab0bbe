import type { PageState, Step } from '../../../app/a11y/page-state'
import { startHelpingSteps } from '../../../app/staff/page-states'
import { walkOwnStates } from '../../helpers/a11y/own-states'
import { staffSignInSteps } from '../../helpers/a11y/staff-steps'
import { Browserish, createTestApp } from '../../helpers/app'
import { chromiumAvailable } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { createStaff, signInStaff } from '../../helpers/staff'

const run = chromiumAvailable() ? describe : describe.skip
const ID = 'staff/cases/switch'

/**
 * "Switch to another case?" is reached from a case the adviser opened earlier, addressed by
 * its id, which the registry's fixed steps cannot know; so the walker checks it here, with every
 * check it runs on the registered states (axe with JavaScript on and off, HTML, structure,
 * reflow, keyboard), in English and Welsh.
 */
run('the question before switching to another case, in English and Welsh', () => {
  const suite = servedInChromium(() => createTestApp())
  const titles = { en: 'Switch to another case?', cy: 'Newid i achos arall?' }

  walkOwnStates(suite, {
    ids: [ID],
    prepare: async () => {
      // An adviser of its own for each language: a case opened earlier, then the sign-in steps.
      const stepsFor = async (state: PageState): Promise<Step[]> => {
        const adviser = await createStaff(suite.app, 'adviser')
        const earlier = new Browserish(suite.app.app)
        await signInStaff(earlier, adviser)
        await earlier.post('/staff/start', { channel: 'phone', consent: 'yes', label: 'AB' }, '/staff/start')
        const list = (await earlier.get('/staff/cases')).text
        const caseId = /action="\/staff\/cases\/([0-9a-f-]{36})\/continue"/.exec(list)?.[1]
        if (!caseId) throw new Error('the earlier case is not on the list')
        return [
          ...(await staffSignInSteps(adviser)),
          ...state.steps,
          { post: `/staff/cases/${caseId}/continue`, form: {} },
        ]
      }
      const states: PageState[] = [
        {
          id: ID,
          journey: 'staff',
          description: 'Switch to another case?, asked while helping someone',
          steps: [...startHelpingSteps(), { get: '/staff/cases' }],
          expectStatus: 200,
          staffRole: 'adviser',
        },
      ]
      return { states, stepsFor }
    },
    // The question itself, not the page a switch without asking would lead to.
    expectAlso: (r, { lang }) => expect(r?.title.startsWith(titles[lang])).toBe(true),
  })
})

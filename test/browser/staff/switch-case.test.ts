import type { PageState, Step } from '../../../app/a11y/page-state'
import { startHelpingSteps } from '../../../app/staff/page-states'
import { walk, type StateResult } from '../../helpers/a11y/walker'
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
  const results = new Map<string, StateResult>()

  beforeAll(
    async () => {
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
          { get: '/staff/sign-in' },
          { post: '/staff/sign-in', form: { email: adviser.email, password: adviser.password } },
          { post: '/staff/sign-in/code', form: { code: await adviser.nextCode() } },
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
      const summary = await walk({ browser: suite.browser, origin: suite.origin, states, stepsFor })
      for (const r of summary.results) results.set(`${r.lang} ${r.id}`, r)
    },
    10 * 60 * 1000,
  )

  const titles = { en: 'Switch to another case?', cy: 'Newid i achos arall?' }
  for (const lang of ['en', 'cy'] as const) {
    it(`${ID} (${lang}) passes every check`, () => {
      const r = results.get(`${lang} ${ID}`)
      // The question itself, not the page a switch without asking would lead to.
      expect(r?.title.startsWith(titles[lang])).toBe(true)
      expect((r?.findings ?? []).map((f) => `${f.check} ${f.rule}: ${f.message} ${f.targets.join(' | ')}`)).toEqual([])
    })
  }
})

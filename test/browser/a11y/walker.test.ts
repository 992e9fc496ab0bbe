import { registry } from '../../../app/a11y/registry'
import { withStaffSignIn } from '../../helpers/a11y/staff-steps'
import { walk, type StateResult, type WalkSummary } from '../../helpers/a11y/walker'
import { createTestApp } from '../../helpers/app'
import { chromiumAvailable } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'

const run = chromiumAvailable() ? describe : describe.skip
const reg = registry()
const { states } = reg

const readable = (r: StateResult | undefined) =>
  (r?.findings ?? []).map((f) => `${f.check} ${f.rule}: ${f.message} ${f.targets.join(' | ')}`)

run('every page state, in English and Welsh, with JavaScript on and off', () => {
  const suite = servedInChromium(() => createTestApp())
  let summary: WalkSummary
  const byKey = new Map<string, StateResult>()

  beforeAll(
    async () => {
      const stepsFor = withStaffSignIn(suite.app, reg)
      summary = await walk({ browser: suite.browser, origin: suite.origin, states, stepsFor })
      for (const r of summary.results) byKey.set(`${r.lang} ${r.id}`, r)
      console.log(
        `a11y walker: ${summary.states} states × ${summary.languages.length} languages, ${summary.pageLoads} page loads, ` +
          `${summary.axeRuns} axe runs, keyboard checks on ${summary.keyboardTemplates} templates, ${(summary.ms / 1000).toFixed(1)} s`,
      )
    },
    // A guard against a hung browser, not a speed target: CI allows 90 minutes in all.
    45 * 60 * 1000,
  )

  it('finds states from every area that has arrived, and the foundation pages', () => {
    expect(states.length).toBeGreaterThanOrEqual(15)
    expect(new Set(states.map((s) => s.id)).size).toBe(states.length)
  })

  for (const lang of ['en', 'cy'] as const) {
    for (const state of states) {
      it(`${state.id} (${lang}) passes every check: ${state.description}`, () => {
        expect(readable(byKey.get(`${lang} ${state.id}`))).toEqual([])
      })
    }
  }
})

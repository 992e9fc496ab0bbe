import { pageStates } from '../../../app/triage/page-states'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { createStaff, signInStaff } from '../../helpers/staff'

let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
})
afterAll(() => testApp.close())

const states = pageStates()

describe('triage page states for the accessibility walker', () => {
  it('have unique ids and cover every question, its error and a plan per persona', () => {
    expect(new Set(states.map((s) => s.id)).size).toBe(states.length)
    const questionErrors = states.filter(
      (s) => s.id.endsWith('/error') && !s.id.endsWith('/start-again/error') && !s.id.startsWith('triage/kept-plan/'),
    )
    // One per question (work in care, child support, someone has died, caring), and the date of
    // birth given on the day of the death (bereavement).
    expect(questionErrors).toHaveLength(6 + 12 + 12 + 10 + 1)
    expect(questionErrors.map((s) => s.id)).toContain('triage/bereavement/date-of-birth/after-event/error')
    // "Start again" asks a confirmation question on every outcome's plan, and has its error state.
    expect(states.filter((s) => s.id.endsWith('/start-again/error'))).toHaveLength(4)
    // "Email me this plan" and the kept plan's pages, once: form, error, sent, plan, stop and its error, dead link, stopped.
    expect(states.filter((s) => s.journey === 'triage/kept-plan')).toHaveLength(8)
    expect(states.filter((s) => s.id.includes('/plan/')).length).toBeGreaterThanOrEqual(32)
  })

  it('ask the date they died without offering the citizen’s own birthday (no bday tokens)', () => {
    const dateOfDeath = states.find((s) => s.id === 'triage/bereavement/date-of-death')
    expect(dateOfDeath).toBeDefined()
    expect(dateOfDeath?.personalFields).toBeUndefined()
    expect(states.find((s) => s.id === 'triage/bereavement/date-of-death/assisted')).toBeUndefined()
  })

  it.each(states.map((s) => [s.id, s] as const))('%s is reached by replaying its steps', async (_id, state) => {
    const browser = new Browserish(testApp.app)
    if (state.staffRole) await signInStaff(browser, await createStaff(testApp, state.staffRole))
    let res: Awaited<ReturnType<Browserish['get']>> | undefined
    for (const step of state.steps) {
      res = 'get' in step ? await browser.get(step.get) : await browser.post(step.post, step.form)
      const last = step === state.steps.at(-1)
      // Every answer on the way is accepted (303 to the next page); only the last step may be an error.
      if ('post' in step && !last) expect(res.status).toBe(303)
      if ('get' in step && !last) expect(res.status).toBe(200)
    }
    expect(res?.status).toBe(state.expectStatus)
    // The date of birth carries `bday-*`, or `off` with an adviser at the keyboard.
    for (const [name, token] of Object.entries(state.personalFields ?? {}))
      expect(res?.text).toMatch(new RegExp(`name="${name}"[^>]*autocomplete="${token}"`))
    if (state.expectStatus === 400) {
      expect(res?.text).toContain('<title>Error:')
      expect(res?.text).toContain('govuk-error-summary')
    }
  })
})

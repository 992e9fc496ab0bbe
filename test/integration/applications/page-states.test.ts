import { Browserish, type TestApp } from '../../helpers/app'
import { createStaff, signInStaff } from '../../helpers/staff'
import { pageStates } from '../../../app/applications/page-states'
import { applicationsApp } from './harness'

/** The `autocomplete` of the control named `name` in the page, `none` without one, undefined when absent. */
function autocompleteOf(html: string, name: string): string | undefined {
  const tag = [...html.matchAll(/<(?:input|textarea|select)\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(` name="${name}"`))
  return tag ? (/ autocomplete="([^"]*)"/.exec(tag)?.[1] ?? 'none') : undefined
}

/** Replays every derived page state over HTTP: each must end on its page with the stated status. */
describe('application page states', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
  })
  afterAll(() => t.close())

  const states = pageStates()

  it('have unique ids', () => {
    expect(new Set(states.map((s) => s.id)).size).toBe(states.length)
  })

  it.each(states.map((s) => [s.id, s] as const))('%s is reachable', async (_id, state) => {
    const browser = new Browserish(t.app)
    if (state.staffRole) await signInStaff(browser, await createStaff(t, state.staffRole))
    let last: { status: number; text: string; headers: Record<string, string> } | undefined
    for (const [i, step] of state.steps.entries()) {
      last = 'get' in step ? await browser.get(step.get) : await browser.post(step.post, step.form)
      // Every answer on the way must be accepted, or the state is not the one described.
      if ('post' in step && i < state.steps.length - 1) expect(last.status).toBe(303)
    }
    expect(last?.status).toBe(state.expectStatus)
    expect(last?.text).toContain('<main')
    // The walker checks these in the browser; here the same declaration meets the server's HTML.
    const tokens = Object.fromEntries(
      Object.keys(state.personalFields ?? {}).map((name) => [name, autocompleteOf(last?.text ?? '', name)]),
    )
    expect(tokens).toEqual(state.personalFields ?? {})
  })
})

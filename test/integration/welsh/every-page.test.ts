import type { PageState } from '../../../app/a11y/page-state'
import { pageStates as applicationStates } from '../../../app/applications/page-states'
import { pageStates as staffStates } from '../../../app/staff/page-states'
import { pageStates as triageStates } from '../../../app/triage/page-states'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { englishOn } from '../../helpers/english-copy'
import { createStaff, signInStaff } from '../../helpers/staff'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

/** Replays a state's requests in a fresh session that chose Welsh first; returns the last response. */
async function reachInWelsh(state: PageState) {
  const client = new Browserish(t.app)
  if (state.staffRole) await signInStaff(client, await createStaff(t, state.staffRole))
  await client.get('/?lang=cy')
  let res = await client.get('/')
  for (const step of state.steps) {
    res = 'get' in step ? await client.get(step.get) : await client.post(step.post, step.form)
  }
  return res
}

const states = [...triageStates(), ...applicationStates(), ...staffStates()]

describe('every page and state in Welsh', () => {
  it.each(states.map((s) => [s.id, s] as const))('%s is entirely in Welsh', async (_id, state) => {
    const res = await reachInWelsh(state)
    expect(res.status).toBe(state.expectStatus)
    expect(res.text).toContain('<html lang="cy"')
    expect(englishOn(res.text)).toEqual([])
  })
})

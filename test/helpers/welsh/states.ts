import type { PageState } from '../../../app/a11y/page-state'
import { registry } from '../../../app/a11y/registry'
import type { Role } from '../../../app/staff/roles'
import { Browserish, type TestApp } from '../app'
import { createStaff, signInStaff, type TestStaff } from '../staff'

/** One page state as a Welsh reader gets it: the last response of its steps. */
export interface WelshPage {
  state: PageState
  status: number
  html: string
  /** Everything the state's own forms typed (names, emails, references): the citizen's words, not the portal's copy. */
  typed: string[]
}

/** The same URL with `lang=cy`, as the walker asks for each page, so a session reset cannot drop the language. */
function inWelsh(url: string): string {
  const u = new URL(url, 'http://portal.invalid')
  u.searchParams.set('lang', 'cy')
  return `${u.pathname}${u.search}`
}

/**
 * Replays every registered page state (the registry the accessibility walker and the
 * auditors' index use, so a new page is checked in Welsh the moment it is registered) in a
 * fresh session that chose Welsh, staff states signed in first. Sequential on purpose: the
 * machine is shared, and every state is a handful of in-process requests.
 */
export async function renderWelshStates(t: TestApp, states: readonly PageState[] = registry().states) {
  const accounts = new Map<Role, TestStaff>()
  const pages: WelshPage[] = []
  for (const state of states) {
    const client = new Browserish(t.app)
    if (state.staffRole) {
      let staff = accounts.get(state.staffRole)
      if (!staff) accounts.set(state.staffRole, (staff = await createStaff(t, state.staffRole)))
      await signInStaff(client, staff)
    }
    let res = await client.get('/?lang=cy')
    for (const step of state.steps) {
      res = 'get' in step ? await client.get(inWelsh(step.get)) : await client.post(step.post, step.form)
      // A browser follows a form's redirect at once.
      for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 10; hops++) {
        res = await client.get(inWelsh(res.headers.location ?? '/'))
      }
    }
    pages.push({ state, status: res.status, html: res.text, typed: typedIn(state) })
  }
  return pages
}

/** What the citizen typed to reach the state: its forms' values and its query values (a search). */
function typedIn(state: PageState): string[] {
  return state.steps.flatMap((step) => {
    if ('post' in step) return Object.values(step.form).flatMap((v) => (typeof v === 'string' ? [v] : [...v]))
    const query = new URL(step.get, 'http://portal.invalid').searchParams
    return [...query].filter(([name]) => name !== 'lang').map(([, value]) => value)
  })
}

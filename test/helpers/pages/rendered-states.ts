import type { PageState } from '../../../app/a11y/page-state'
import type { Role } from '../../../app/staff/roles'
import { Browserish, createTestApp, type TestApp } from '../app'
import { createStaff, signInStaff, type TestStaff } from '../staff'

export type Lang = 'en' | 'cy'

/** One page state as a reader gets it: the last response of its steps, in one language. */
export interface RenderedState {
  state: PageState
  lang: Lang
  status: number
  html: string
}

/** The same URL with `lang` set, as the walker asks for each page, so a session reset cannot drop the language. */
function inLanguage(url: string, lang: Lang): string {
  const u = new URL(url, 'http://portal.invalid')
  u.searchParams.set('lang', lang)
  return `${u.pathname}${u.search}`
}

/**
 * Replays page states (normally the whole registry: what the accessibility walker and the
 * auditors' index use, so a new page is covered the moment it is registered) in a fresh
 * session per state, staff states signed in first, redirects followed as a browser does.
 * Sequential on purpose: the machine is shared, and each state is a few in-process requests.
 */
export async function renderStates(t: TestApp, states: readonly PageState[], lang: Lang): Promise<RenderedState[]> {
  const accounts = new Map<Role, TestStaff>()
  const pages: RenderedState[] = []
  for (const state of states) {
    const client = new Browserish(t.app)
    if (state.staffRole && state.staffSignIn) {
      // Half way, with an account of its own: the password only (set up for the code page, not
      // for set-up), or the code too for an account whose password was reset.
      const staff = await createStaff(t, state.staffRole, undefined, {
        twoFactor: state.staffSignIn !== 'set-up',
        mustChangePassword: state.staffSignIn === 'new-password',
      })
      await client.post('/staff/sign-in', { email: staff.email, password: staff.password }, '/staff/sign-in')
      if (state.staffSignIn === 'new-password')
        await client.post('/staff/sign-in/code', { code: await staff.nextCode() }, '/staff/sign-in/code')
    } else if (state.staffRole) {
      let staff = accounts.get(state.staffRole)
      if (!staff) accounts.set(state.staffRole, (staff = await createStaff(t, state.staffRole)))
      await signInStaff(client, staff)
    }
    let res = await client.get(`/?lang=${lang}`)
    for (const step of state.steps) {
      res = 'get' in step ? await client.get(inLanguage(step.get, lang)) : await client.post(step.post, step.form)
      for (let hops = 0; res.status >= 300 && res.status < 400 && hops < 10; hops++) {
        res = await client.get(inLanguage(res.headers.location ?? '/', lang))
      }
    }
    pages.push({ state, lang, status: res.status, html: res.text })
  }
  return pages
}

/**
 * For a test file that reads many page states in both languages: before its tests, one test
 * app renders every state in English and in Welsh; the map, keyed `${lang} ${state id}`, is
 * filled by then. The app is closed after the file's tests.
 */
export function renderedInBothLanguages(
  states: readonly PageState[],
  timeoutMs: number,
): ReadonlyMap<string, RenderedState> {
  const rendered = new Map<string, RenderedState>()
  let t: TestApp | undefined
  beforeAll(async () => {
    t = await createTestApp()
    for (const lang of ['en', 'cy'] as const)
      for (const page of await renderStates(t, states, lang)) rendered.set(`${lang} ${page.state.id}`, page)
  }, timeoutMs)
  afterAll(() => t?.close())
  return rendered
}

import type { PageState } from '../../../app/a11y/page-state'
import { registry } from '../../../app/a11y/registry'
import type { TestApp } from '../app'
import { renderStates, type RenderedState } from '../pages/rendered-states'

/** One page state as a Welsh reader gets it, with what its steps typed. */
export interface WelshPage extends RenderedState {
  /** Everything the state's forms and searches typed (names, emails, a query): the citizen's words, not the portal's copy. */
  typed: string[]
}

/** What the citizen typed to reach the state: its forms' values and its query values (a search). */
function typedIn(state: PageState): string[] {
  return state.steps.flatMap((step) => {
    if ('post' in step) return Object.values(step.form).flatMap((v) => (typeof v === 'string' ? [v] : [...v]))
    const query = new URL(step.get, 'http://portal.invalid').searchParams
    return [...query].filter(([name]) => name !== 'lang').map(([, value]) => value)
  })
}

/**
 * Every registered page state (the registry the accessibility walker and the auditors'
 * index use, so a new page is checked in Welsh the moment it is registered), in Welsh.
 */
export async function renderWelshStates(t: TestApp, states: readonly PageState[] = registry().states) {
  const pages = await renderStates(t, states, 'cy')
  return pages.map((page): WelshPage => ({ ...page, typed: typedIn(page.state) }))
}

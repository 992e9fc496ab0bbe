import * as applications from '../applications/page-states'
import * as staff from '../staff/page-states'
import * as triage from '../triage/page-states'
import * as insights from '../insights/page-states'
import { foundationStates } from './foundation-states'
import type { AreaPageStates, PageState, Step } from './page-state'

/** The areas that describe their own pages; each owns `app/<area>/page-states.ts`. A new area adds itself here. */
const AREAS: Readonly<Record<string, AreaPageStates>> = { triage, applications, staff, insights }

export interface Registry {
  states: PageState[]
  /** Which areas contributed states, for the report. */
  areas: string[]
  byId(id: string): PageState | undefined
  /** The steps that reach a state, with the staff sign-in first when the state needs one. */
  stepsFor(state: PageState): Step[]
}

/** Thrown when two states share an id: the auditors' links and the report depend on ids. */
export class DuplicateStateError extends Error {}

export function pageRegistry(): Registry {
  const areas: string[] = ['foundation']
  const states = [...foundationStates()]
  let signIn: AreaPageStates['signInSteps']
  for (const [area, module] of Object.entries(AREAS)) {
    areas.push(area)
    states.push(...module.pageStates())
    if (module.signInSteps) signIn = module.signInSteps
  }
  const index = new Map<string, PageState>()
  for (const state of states) {
    if (index.has(state.id)) throw new DuplicateStateError(`Two page states have the id ${state.id}`)
    index.set(state.id, state)
  }
  return {
    states,
    areas,
    byId: (id) => index.get(id),
    stepsFor: (state) => (state.staffRole && signIn ? [...signIn(state.staffRole), ...state.steps] : [...state.steps]),
  }
}

let cached: Registry | undefined
/** The registry, built once per process: states derive from definitions fixed at start-up. */
export function registry(): Registry {
  cached ??= pageRegistry()
  return cached
}

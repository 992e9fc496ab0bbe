import type { Catalogue, Outcome, OutcomeId } from './types'
import { bereavement } from './bereavement'
import { caring } from './caring'
import { childSupport } from './child-support'
import { PROVIDERS, SERVICES } from './services'
import { workInCare } from './work-in-care'

/** The portal's catalogue: four outcomes, in the order the start page lists them. */
export const CATALOGUE: Catalogue = {
  outcomes: [workInCare, childSupport, bereavement, caring],
  services: SERVICES,
  providers: PROVIDERS,
}

export function outcomeById(id: OutcomeId, catalogue: Catalogue = CATALOGUE): Outcome {
  const outcome = catalogue.outcomes.find((o) => o.id === id)
  if (!outcome) throw new Error(`Unknown outcome ${id}`)
  return outcome
}

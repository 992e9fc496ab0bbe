import { loadCatalogue } from './load'
import type { Catalogue, Outcome, OutcomeId } from './types'

/**
 * The portal's catalogue, read from the data files (app/catalogue/data) when first imported:
 * outcomes in start-page order, services by id. Its rules and copy are checked before the
 * server listens (app/triage/startup.ts); a file that does not parse stops it here.
 */
export const CATALOGUE: Catalogue = loadCatalogue()

export function outcomeById(id: OutcomeId, catalogue: Catalogue = CATALOGUE): Outcome {
  const outcome = catalogue.outcomes.find((o) => o.id === id)
  if (!outcome) throw new Error(`Unknown outcome ${id}`)
  return outcome
}

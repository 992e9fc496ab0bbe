import { changeUrl } from '../triage/urls'
import type { OutcomeId } from '../catalogue/types'

/**
 * Where a prefilled answer is changed: the triage question itself. `returnTo` asks the
 * triage to come back to check answers afterwards (it falls back to the plan otherwise).
 */
export function triageChangeUrl(outcome: string, question: string, returnTo: string): string {
  return `${changeUrl(outcome as OutcomeId, question)}&returnTo=${encodeURIComponent(returnTo)}`
}

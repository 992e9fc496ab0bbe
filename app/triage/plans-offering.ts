import type { Catalogue, Answers, OutcomeId } from '../catalogue/types'
import { planFor } from './plan'

/**
 * The outcomes whose finished plan, for the answers given, offers `application` inside the
 * portal: where "Continue with your plan" goes after applying. An application can be on
 * another outcome's plan (Child Benefit on a bereavement plan), so the application's own
 * outcome is tried first, then the rest in the catalogue's order.
 */
export function plansOffering(
  catalogue: Catalogue,
  application: string,
  preferred: OutcomeId,
  answered: Partial<Record<OutcomeId, Answers>>,
  today: Date,
): OutcomeId[] {
  const order = [preferred, ...catalogue.outcomes.map((o) => o.id).filter((id) => id !== preferred)]
  return order.filter((id) => {
    const outcome = catalogue.outcomes.find((o) => o.id === id)
    const answers = answered[id]
    if (!outcome || !answers) return false
    const plan = planFor(outcome, catalogue.services, answers, today)
    return (
      plan.complete &&
      plan.steps.some((step) =>
        step.items.some((item) =>
          (item.kind === 'service' ? [item] : item.options).some((p) => p.variant.apply === application),
        ),
      )
    )
  })
}

/**
 * Plans for rule tests: each fails the test at once if the answers leave a question unasked or the
 * service off the plan, so an assertion about a service can never pass on a half-answered journey.
 */
import type { Answers, OutcomeId } from '../../../app/catalogue/types'
import type { Plan, PlannedService } from '../../../app/triage/plan'
import { plan, shownService } from '.'

/** The plan for answers that reach it. */
export function completePlan(outcome: OutcomeId, answers: Answers, today: Date): Plan {
  const result = plan(outcome, answers, today)
  expect(result.complete).toBe(true)
  return result
}

/** A service the plan must show: how sure it is, and its reasons as `fact:truth`. */
export function shownWith(result: Plan, id: string): { certainty?: PlannedService['certainty']; reasons: string[] } {
  const service = shownService(result, id)
  expect(service).toBeDefined()
  return { certainty: service?.certainty, reasons: service?.reasons.map((r) => `${r.fact}:${r.truth}`) ?? [] }
}

/** The triage engine's public face for tests and benchmarks (not used by the app): pure functions over the catalogue, no Express. */
export { CATALOGUE, outcomeById } from '../../../app/catalogue'
export { answersOnPath, factsOf, nextQuestion, pathOf, plan } from '../../../app/triage/engine'
export { always, evaluate } from '../../../app/rules/evaluate'
export { servicesIn } from '../../../app/triage/plan'
export type * from '../../../app/catalogue/types'
export { OUTCOME_IDS } from '../../../app/catalogue/types'

/** The triage engine's public face for tests and benchmarks: pure functions over the catalogue, no Express. */
export { CATALOGUE, outcomeById } from '../catalogue'
export { answersOnPath, factsOf, nextQuestion, pathOf, plan } from './engine'
export { evaluate } from '../rules/evaluate'
export type { Plan } from './plan'
export type * from '../catalogue/types'
export { OUTCOME_IDS } from '../catalogue/types'

/** The triage engine's public face: pure functions over the catalogue, no Express. */
export { CATALOGUE, outcomeById } from '../catalogue'
export { answersOnPath, factsOf, nextQuestion, pathOf, plan, type OutcomeRef, type Path } from './engine'
export type { OmittedService, Plan, PlannedService, PlanStep } from './plan'
export { evaluate, type Knowledge, type Truth } from '../rules/evaluate'
export type * from '../catalogue/types'
export { OUTCOME_IDS } from '../catalogue/types'
export { assertValidCatalogue, CatalogueError, validateCatalogue } from './validate'
export { planUrl, questionUrl } from './urls'

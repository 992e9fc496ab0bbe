import { evaluate, support, type Knowledge } from '../rules/evaluate'
import type { Answers, Fact, Outcome, OutcomeId, Service, Source } from '../catalogue/types'
import { walk, type Origin } from './walk'

export interface PlannedService {
  service: Service
  /** `may-apply` when the rule depends on an "I'm not sure" answer: the plan says what would decide it. */
  certainty: 'applies' | 'may-apply'
  /** The citizen's answers that make the rule hold, quoted on the plan. */
  because: readonly Origin[]
  correctAsOf: string
}

export interface PlanStep {
  id: string
  services: readonly PlannedService[]
}

/** A service left out, and why: its condition copy says what would make it apply. */
export interface OmittedService {
  service: Service
  step: string
}

export interface Plan {
  outcome: OutcomeId
  /** False while questions on the path are unanswered; the plan page then redirects to the next one. */
  complete: boolean
  steps: readonly PlanStep[]
  notIncluded: readonly OmittedService[]
  /** The latest `validFrom` of every source and figure the plan shows. */
  correctAsOf: string
}

function sourcesOf(service: Service): Source[] {
  return [service.source, ...Object.values(service.figures ?? {}).map((f) => f.source)]
}

export function latest(dates: Iterable<string>): string {
  let max = ''
  for (const date of dates) if (date > max) max = date
  return max
}

/** Follows derived facts back to the answers behind them, in question order. */
function originsOf(outcome: Outcome, facts: Set<Fact>, k: Knowledge, origins: ReadonlyMap<Fact, Origin>): Origin[] {
  const found = new Map<string, Origin>()
  const seen = new Set<Fact>()
  const visit = (f: Fact) => {
    if (seen.has(f)) return
    seen.add(f)
    const origin = origins.get(f)
    if (origin) found.set(`${origin.question}=${origin.value}`, origin)
    const derivation = outcome.derived.find((d) => d.fact === f)
    if (derivation) for (const inner of support(derivation.when, k)) visit(inner)
  }
  for (const f of facts) visit(f)
  const order = outcome.questions.map((q) => q.id)
  return [...found.values()].sort((a, b) => order.indexOf(a.question) - order.indexOf(b.question))
}

/**
 * The personalised plan: services whose rule holds (or may hold), grouped into the
 * outcome's steps in order, and every other service with the reason it is left out.
 * Pure: the same outcome, answers and date always give the same plan.
 */
export function planFor(
  outcome: Outcome,
  services: Readonly<Record<string, Service>>,
  answers: Answers,
  today: Date,
): Plan {
  const { knowledge, origins, next } = walk(outcome, answers, today)
  const byStep = new Map<string, PlannedService[]>(outcome.steps.map((step) => [step, []]))
  const notIncluded: OmittedService[] = []
  for (const placement of outcome.services) {
    const service = services[placement.service]
    if (!service) throw new Error(`Unknown service ${placement.service}`)
    const truth = evaluate(placement.showIf, knowledge)
    if (truth === 'no') {
      notIncluded.push({ service, step: placement.step })
      continue
    }
    byStep.get(placement.step)?.push({
      service,
      certainty: truth === 'yes' ? 'applies' : 'may-apply',
      because: originsOf(outcome, support(placement.showIf, knowledge), knowledge, origins),
      correctAsOf: latest(sourcesOf(service).map((s) => s.validFrom)),
    })
  }
  const steps = [...byStep].filter(([, list]) => list.length > 0).map(([id, list]) => ({ id, services: list }))
  const correctAsOf = latest(steps.flatMap((s) => s.services.map((p) => p.correctAsOf)))
  return { outcome: outcome.id, complete: next === undefined, steps, notIncluded, correctAsOf }
}

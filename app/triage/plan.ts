import { evaluate, type Knowledge } from '../rules/evaluate'
import { deciders, type Decider } from '../rules/explain'
import { NATIONS } from '../catalogue/schema'
import type { Answers, Nation, Outcome, OutcomeId, Placement, Service, Variant } from '../catalogue/types'
import { walk } from './walk'
import { datedDeadline, type DatedDeadline } from './deadlines'

/** A service on the plan, delivered by the variant for the citizen's nation. */
export interface PlannedService {
  service: Service
  /** The variant's id (`gb`, `ni`…): who provides it, its link and phone, in the citizen's nation. */
  variantId: string
  variant: Variant
  step: string
  /**
   * `may-apply` when the rule depends on an "I'm not sure" answer, on whether the citizen
   * already has it, or on something the portal does not ask (`mayIf`).
   */
  certainty: 'applies' | 'may-apply'
  /** The facts that decide it, each holding or not: the plain-words reasons, negatives included. */
  reasons: readonly Decider[]
  /** The ids of the outcome's notes that apply (`notes.<id>` copy). */
  notes: readonly string[]
  /** The oldest "checked" date of the variant, its figures and deadline: when it was last confirmed. */
  lastChecked: string
  /** The variant's deadline as a day, where the answers date the event it counts from. */
  deadlineBy?: DatedDeadline
}

/** Two or more alternatives shown as one item: "do one of these, depending on …". */
export interface PlannedChoice {
  choice: string
  options: readonly PlannedService[]
}

export type PlanItem = ({ kind: 'service' } & PlannedService) | ({ kind: 'choice' } & PlannedChoice)

export interface PlanStep {
  id: string
  items: readonly PlanItem[]
}

/**
 * A service left out, and why: `condition` (the facts that failed — the near miss — or, for a
 * placement's `leftOutIf`, the facts that held), `held`
 * (the citizen already has it), `excluded` (another service on the plan makes it unnecessary),
 * `unavailable` (it does not exist in the nation the placement reads: `nationFrom`, else where the
 * citizen lives).
 */
export interface OmittedService {
  service: Service
  step: string
  why: 'condition' | 'held' | 'excluded' | 'unavailable'
  reasons: readonly Decider[]
  /** For `excluded`: the service that makes it unnecessary. */
  by?: string
  /**
   * The variant that serves the citizen's nation, where there is one (not for `unavailable`):
   * its own name is the one to list, so a family in England reads "Ask about a 16 to 19
   * bursary", not Education Maintenance Allowance, which England does not have.
   */
  variantId?: string
}

export interface Plan {
  outcome: OutcomeId
  /** False while questions on the path are unanswered; the plan page then redirects to the next one. */
  complete: boolean
  steps: readonly PlanStep[]
  notIncluded: readonly OmittedService[]
}

const oldest = (dates: readonly string[]) => dates.reduce((a, b) => (b < a ? b : a))

/** The fact prefixes a placement reads its nation from, in order (`nationFrom`). */
export const nationPrefixes = (placement: Placement): readonly string[] =>
  placement.nationFrom === undefined
    ? ['nation']
    : typeof placement.nationFrom === 'string'
      ? [placement.nationFrom]
      : placement.nationFrom

/**
 * The nations the citizen's answers name through the first prefix that names any
 * (`nation:wales`, `cared-for:scotland`), and that prefix: it words the reason.
 */
function nationsFrom(placement: Placement, k: Knowledge): { nations: Nation[]; prefix: string } {
  const prefixes = nationPrefixes(placement)
  for (const prefix of prefixes) {
    const nations = NATIONS.filter((n) => k.facts.has(`${prefix}:${n}`))
    if (nations.length > 0) return { nations, prefix }
  }
  return { nations: [], prefix: prefixes[0] ?? 'nation' }
}

/** The variant serving the citizen: the first whose nations include one their answers name. */
function variantFor(service: Service, nations: readonly Nation[]): [string, Variant] | undefined {
  return Object.entries(service.variants).find(([, v]) => v.nations.some((n) => nations.includes(n)))
}

const UK = ['england', 'wales', 'scotland', 'northern-ireland'] as const

/** Offered in all four UK nations, so where the citizen lives explains nothing. */
export const offeredEverywhere = (service: Service): boolean =>
  UK.every((n) => Object.values(service.variants).some((v) => v.nations.includes(n)))

function lastChecked(variant: Variant): string {
  const deadline = variant.deadline?.checked ? [variant.deadline.checked] : []
  return oldest([variant.checked, ...deadline, ...Object.values(variant.figures ?? {}).map((f) => f.checked)])
}

/**
 * Whether a note shows with this variant: it names none or this one, and its rule holds, or is
 * open where the note asks to show then too.
 */
function noteShows(note: NonNullable<Placement['notes']>[number], variantId: string, k: Knowledge): boolean {
  if (note.variants && !note.variants.includes(variantId)) return false
  const truth = evaluate(note.when, k)
  return truth === 'yes' || (truth === 'unknown' && note.alsoWhenOpen === true)
}

type Considered = { shown: PlannedService } | { omitted: OmittedService } | { skipped: true }

/** Whether one placement shows its service, and why or why not. */
function consider(placement: Placement, service: Service, k: Knowledge): Considered {
  const { nations, prefix } = nationsFrom(placement, k)
  const base = { service, step: placement.step }
  const found = variantFor(service, nations)
  if (!found) {
    if (service.unavailable?.some((n) => nations.includes(n)))
      return { omitted: { ...base, why: 'unavailable', reasons: [] } }
    // Not offered where the citizen is: not a near miss anyone could act on.
    return { skipped: true }
  }
  const always = { allOf: [] }
  const here = { ...base, variantId: found[0] }
  if (placement.leftOutIf && evaluate(placement.leftOutIf, k) === 'yes')
    return { omitted: { ...here, why: 'condition', reasons: deciders(placement.leftOutIf, k) } }
  const show = placement.showIf ?? always
  const truth = evaluate(show, k)
  if (truth === 'no') return { omitted: { ...here, why: 'condition', reasons: deciders(show, k) } }
  const held = placement.heldIf ? evaluate(placement.heldIf, k) : 'no'
  if (held === 'yes') return { omitted: { ...here, why: 'held', reasons: deciders(placement.heldIf ?? always, k) } }
  const may = placement.mayIf ? evaluate(placement.mayIf, k) : 'no'
  const [variantId, variant] = found
  // Offered only in some nations: where the citizen is explains it too ("You will work in Wales"),
  // first. `deciders` names a fact once, so a rule that names it again ("You live outside the UK"
  // for a "may") adds nothing.
  const nation = nations.find((n) => variant.nations.includes(n))
  const where = nation && !offeredEverywhere(service) ? `${prefix}:${nation}` : undefined
  const reasons = deciders(show, k, where ? [{ fact: where, truth: 'yes' }] : [])
  if (placement.heldIf && held === 'unknown') deciders(placement.heldIf, k, reasons)
  if (placement.mayIf && may !== 'no') deciders(placement.mayIf, k, reasons, true)
  return {
    shown: {
      ...base,
      variantId,
      variant,
      certainty: truth === 'yes' && held === 'no' && may === 'no' ? 'applies' : 'may-apply',
      reasons,
      notes: (placement.notes ?? []).filter((n) => noteShows(n, variantId, k)).map((n) => n.id),
      lastChecked: lastChecked(variant),
    },
  }
}

/** Groups a step's alternatives: two or more options of one choice become one item, where the first stood. */
function withChoices(outcome: Outcome, shown: readonly PlannedService[]): PlanItem[] {
  const items: PlanItem[] = []
  const done = new Set<string>()
  for (const planned of shown) {
    if (done.has(planned.service.id)) continue
    const choice = outcome.choices.find((c) => c.services.includes(planned.service.id))
    const options = choice ? shown.filter((s) => choice.services.includes(s.service.id)) : []
    if (choice && options.length >= 2) {
      for (const option of options) done.add(option.service.id)
      items.push({ kind: 'choice', choice: choice.id, options })
    } else items.push({ kind: 'service', ...planned })
  }
  return items
}

/**
 * The personalised plan: services whose rule holds (or may hold), in the variant for the
 * citizen's nation, grouped into the outcome's steps in order, alternatives as one choice;
 * and every service left out with the reason. Pure: the same outcome, answers and date
 * always give the same plan.
 */
export function planFor(
  outcome: Outcome,
  services: Readonly<Record<string, Service>>,
  answers: Answers,
  today: Date,
): Plan {
  const { knowledge, next, events } = walk(outcome, answers, today)
  const shown: PlannedService[] = []
  const notIncluded: OmittedService[] = []
  const held = new Set<string>()
  for (const placement of outcome.services) {
    const service = services[placement.service]
    if (!service) throw new Error(`Unknown service ${placement.service}`)
    const result = consider(placement, service, knowledge)
    if ('shown' in result) {
      const by = datedDeadline(result.shown.variant.deadline, events, today)
      shown.push(by ? { ...result.shown, deadlineBy: by } : result.shown)
    } else if ('omitted' in result) {
      notIncluded.push(result.omitted)
      if (result.omitted.why === 'held') held.add(service.id)
    }
  }
  // A service the citizen has, or certainly gets, makes the ones it excludes unnecessary.
  const present = [...held, ...shown.filter((s) => s.certainty === 'applies').map((s) => s.service.id)]
  const kept = shown.filter((planned) => {
    const by = present.find((id) => services[id]?.excludes?.includes(planned.service.id))
    if (by)
      notIncluded.push({
        service: planned.service,
        step: planned.step,
        why: 'excluded',
        reasons: [],
        by,
        variantId: planned.variantId,
      })
    return !by
  })
  const steps = outcome.steps
    .map((id) => ({
      id,
      items: withChoices(
        outcome,
        kept.filter((s) => s.step === id),
      ),
    }))
    .filter((step) => step.items.length > 0)
  return { outcome: outcome.id, complete: next === undefined, steps, notIncluded }
}

/** Whether a placement shows its service (surely or maybe) with this knowledge: for reachability checks. */
export function shows(placement: Placement, service: Service, k: Knowledge): boolean {
  return 'shown' in consider(placement, service, k)
}

import { formatDate } from '../../i18n/format'
import type { Locale } from '../../i18n/locales'
import { hasCopy, type Translate } from '../../i18n/translate'
import type { Decider } from '../../rules/explain'
import { keys } from '../copy-keys'
import { figureVars } from '../figures'
import type { DatedDeadline } from '../deadlines'
import type { OmittedService, Plan, PlannedService } from '../plan'
import { answerLabel, questionCopy } from './question-view'
import type { Answers, Outcome } from '../../catalogue/types'
import { changeUrl } from '../urls'
import { choicesOf } from '../age'

export interface ServiceView {
  id: string
  name: string
  provider: string
  gives: string
  cost: string
  time: string
  /** Set when it depends on something: the tag, and the facts it depends on in plain words. */
  mayApply: boolean
  dependsOn: string[]
  /** Why it is shown, in plain words: what holds, and what does not, about the citizen. */
  because: string[]
  notes: string[]
  /** When someone last confirmed this service against its official page, written out. */
  lastChecked: string
  /** "Apply now" inside the portal, when the service is applied for here. */
  applyHref: string | undefined
  /** The in-portal application's id, so the plan can mark it applied for (with its reference). */
  applyId: string | undefined
  /** The one link the citizen acts on: the in-portal application where there is one, else the official page. */
  actionHref: string
  /**
   * Its time limit, when the official page gives one: as a day where the answers date the event
   * ("Register the death by 7 December 2026"), else in words ("Deadline: within 3 months of the death").
   */
  deadline: string | undefined
  officialHref: string
  phones: { number: string; label: string | undefined }[]
}

export interface ChoiceView {
  id: string
  title: string
  options: { condition: string; service: ServiceView }[]
}

export type ItemView = { kind: 'service'; service: ServiceView } | { kind: 'choice'; choice: ChoiceView }

export interface PlanView {
  pageTitle: string
  /** The numbered checklist at the top: each thing to do, linking to its place in the plan. */
  checklist: { text: string; href: string }[]
  steps: { number: number; title: string; items: ItemView[] }[]
  notIncluded: { name: string; reason: string }[]
  answers: { question: string; answer: string; href: string }[]
}

/** The id of a thing to do on the page, for the checklist's links. */
export const anchor = (id: string) => `do-${id}`

const day = (iso: string, locale: Locale) => formatDate(`${iso}T12:00:00Z`, locale)

/** Figures usable in an outcome's sentences: its questions' figures (the £100,000 limit, say). */
function outcomeVars(outcome: Outcome, locale: Locale): Record<string, string> {
  return Object.assign({}, ...outcome.questions.map((q) => figureVars(q.figures, locale))) as Record<string, string>
}

/**
 * A service's copy, overridden by its variant's where the variant has its own (a Welsh-only line,
 * say). For a service shown on the plan or left out of it: a left-out one may have no variant.
 */
function serviceCopy(
  { service, variantId }: { service: PlannedService['service']; variantId?: string },
  t: Translate,
  vars: Record<string, string>,
) {
  return (key: keyof ReturnType<typeof keys.service>) => {
    const own = variantId ? keys.variant(service.id, variantId, key) : undefined
    return t(own && hasCopy(own) ? own : keys.service(service.id)[key], vars)
  }
}

/** The figures a fact's sentences quote: those of the question that sets it, so two `{limit}`s never mix. */
function factVars(outcome: Outcome, fact: string, locale: Locale, fallback: Record<string, string>) {
  const question = outcome.questions.find((q) =>
    choicesOf(q).some((o) => o.sets?.includes(fact) || o.unsure?.includes(fact)),
  )
  return question?.figures ? { ...fallback, ...figureVars(question.figures, locale) } : fallback
}

function sentences(
  outcome: Outcome,
  reasons: readonly Decider[],
  t: Translate,
  locale: Locale,
  vars: Record<string, string>,
) {
  // Two facts may word the same sentence (one that narrows another for a single rule): say it once.
  const said = reasons.map((r) => t(keys.fact(outcome.id, r.fact, r.truth), factVars(outcome, r.fact, locale, vars)))
  return [...new Set(said)]
}

function serviceView(outcome: Outcome, planned: PlannedService, t: Translate, locale: Locale): ServiceView {
  const { service, variant } = planned
  const vars = { ...outcomeVars(outcome, locale), ...figureVars(variant.figures, locale) }
  const copy = serviceCopy(planned, t, vars)
  const known = planned.reasons.filter((r) => r.truth !== 'unknown')
  const open = planned.reasons.filter((r) => r.truth === 'unknown')
  return {
    id: service.id,
    name: copy('name'),
    provider: t(keys.provider(variant.provider)),
    gives: copy('gives'),
    cost: copy('cost'),
    time: copy('time'),
    mayApply: planned.certainty === 'may-apply',
    dependsOn: sentences(outcome, open, t, locale, vars),
    because: known.length > 0 ? sentences(outcome, known, t, locale, vars) : [t('triage.plan.always')],
    notes: planned.notes.map((note) => t(keys.note(outcome.id, note), vars)),
    lastChecked: day(planned.lastChecked, locale),
    applyHref: variant.apply ? `/apply/${variant.apply}` : undefined,
    applyId: variant.apply,
    actionHref: variant.apply ? `/apply/${variant.apply}` : variant.url,
    deadline: deadlineText(planned, t, locale),
    officialHref: variant.url,
    phones:
      variant.phones === 'none'
        ? []
        : variant.phones.map((p) => ({
            number: p.number,
            label: p.for ? t(`triage.plan.phoneFor.${p.for}`) : undefined,
          })),
  }
}

/** A service's own wording for a dated deadline (`deadlineBy`, `deadlinePassed`), overridable per variant. */
function ownCopy(planned: PlannedService, key: string): string | undefined {
  const own = keys.variant(planned.service.id, planned.variantId, key)
  if (hasCopy(own)) return own
  const general = `catalogue.services.${planned.service.id}.${key}`
  return hasCopy(general) ? general : undefined
}

/**
 * The deadline as a day: the service's own sentence ("Register the death by {date}") or the
 * general one. Once the day has gone, what the official page says can still be done
 * (`deadlinePassed`, only where the page says so), else just the date it was; once a late
 * claim's last day has gone too, that it can no longer be claimed. No service reaches that last
 * case today: Bereavement Support Payment, the one late claim, is left out of the plan once its
 * day has gone (the date of death's bands), but a deadline must never read as still open.
 */
function datedText(planned: PlannedService, dated: DatedDeadline, t: Translate, locale: Locale): string {
  const vars = { date: day(dated.by, locale), ...(dated.late ? { until: day(dated.late.until, locale) } : {}) }
  if (dated.late?.passed) return t(ownCopy(planned, 'deadlineClosed') ?? 'triage.plan.deadlineClosed', vars)
  const key = dated.passed ? ownCopy(planned, 'deadlinePassed') : ownCopy(planned, 'deadlineBy')
  return t(key ?? (dated.passed ? 'triage.plan.deadlineWas' : 'triage.plan.deadlineBy'), vars)
}

/** The deadline line, or undefined where no copy says what the limit counts from. */
function deadlineText(planned: PlannedService, t: Translate, locale: Locale): string | undefined {
  if (planned.deadlineBy) return datedText(planned, planned.deadlineBy, t, locale)
  const limit = planned.variant.deadline
  if (!limit || !hasCopy(`triage.plan.after.${limit.after}`)) return undefined
  return t('triage.plan.deadline', {
    within: t(`triage.plan.within.${limit.unit}`, { count: String(limit.within) }),
    after: t(`triage.plan.after.${limit.after}`),
  })
}

/**
 * Near misses first: a service one answer away, then those that need more, then the ones
 * another service makes unnecessary, the ones the citizen already has, and the unavailable.
 */
function nearness(omitted: OmittedService): number {
  if (omitted.why === 'condition') return omitted.reasons.length <= 1 ? 0 : 1
  return { excluded: 2, held: 3, unavailable: 4 }[omitted.why]
}

/**
 * A left-out service's name: its own variant's where the citizen's nation has one with its own
 * name (England's 16 to 19 bursary, not Education Maintenance Allowance); the service's otherwise.
 * Figures come from that variant, or from the first where the nation has none.
 */
function omittedName(omitted: OmittedService, t: Translate, locale: Locale): string {
  const { service, variantId } = omitted
  const variant = (variantId && service.variants[variantId]) || Object.values(service.variants)[0]
  return serviceCopy(omitted, t, figureVars(variant?.figures, locale))('name')
}

/** Why a service is left out, in plain words. */
export function omittedReason(outcome: Outcome, omitted: OmittedService, t: Translate, locale: Locale): string {
  const { service } = omitted
  if (omitted.why === 'unavailable') return t(keys.unavailable(service.id))
  if (omitted.why === 'excluded' && omitted.by) return t(keys.excludes(omitted.by, service.id))
  return sentences(outcome, omitted.reasons, t, locale, outcomeVars(outcome, locale)).join(' ')
}

/** Everything the plan page shows, in the citizen's language. The template only arranges it. */
export function planView(outcome: Outcome, result: Plan, answers: Answers, t: Translate, locale: Locale): PlanView {
  const outcomeTitle = t(keys.outcome(outcome.id).title)
  const steps: PlanView['steps'] = result.steps.map((step, index) => ({
    number: index + 1,
    title: t(keys.step(outcome.id, step.id)),
    items: step.items.map((item): ItemView => {
      if (item.kind === 'service') return { kind: 'service', service: serviceView(outcome, item, t, locale) }
      const k = keys.choice(outcome.id, item.choice)
      return {
        kind: 'choice',
        choice: {
          id: item.choice,
          title: t(k.title),
          options: item.options.map((option) => ({
            condition: t(k.option(option.service.id)),
            service: serviceView(outcome, option, t, locale),
          })),
        },
      }
    }),
  }))
  return {
    pageTitle: t('triage.plan.title', { outcome: outcomeTitle }),
    steps,
    checklist: steps.flatMap((step) =>
      step.items.map((item) =>
        item.kind === 'service'
          ? { text: item.service.name, href: `#${anchor(item.service.id)}` }
          : { text: item.choice.title, href: `#${anchor(item.choice.id)}` },
      ),
    ),
    notIncluded: [...result.notIncluded]
      .sort((a, b) => nearness(a) - nearness(b))
      .map((omitted) => ({
        name: omittedName(omitted, t, locale),
        reason: omittedReason(outcome, omitted, t, locale),
      })),
    answers: outcome.questions.flatMap((question) => {
      const answer = answers[question.id]
      if (answer === undefined) return []
      return [
        {
          question: questionCopy(outcome.id, question, t, locale).title,
          answer: answerLabel(outcome.id, question, answer, t, locale),
          href: changeUrl(outcome.id, question.id),
        },
      ]
    }),
  }
}

import { formatDate } from '../../i18n/format'
import type { Locale } from '../../i18n/locales'
import type { Translate } from '../../i18n/translate'
import { keys } from '../copy-keys'
import { figureVars } from '../figures'
import type { Plan, PlannedService } from '../plan'
import { answerLabel, questionCopy } from './question-view'
import type { Answers, Outcome, Service, Source } from '../../catalogue/types'
import { changeUrl } from '../urls'

export interface ServiceView {
  id: string
  name: string
  provider: string
  gives: string
  cost: string
  time: string
  mayApply: string | undefined
  because: string[]
  sources: SourceView[]
  /** "Apply now" inside the portal, when the service is applied for here. */
  applyHref: string | undefined
  officialHref: string
  phone: string | undefined
}

export interface PlanView {
  pageTitle: string
  correctAsOf: string
  steps: { number: number; title: string; services: ServiceView[] }[]
  notIncluded: { name: string; condition: string }[]
  answers: { question: string; answer: string; href: string }[]
}

const day = (iso: string, locale: Locale) => formatDate(`${iso}T12:00:00Z`, locale)

/** A source: its title in the page's language, with when it applies from and whether it is confirmed. */
export interface SourceView {
  title: string
  validFrom: string
  unconfirmed: string | undefined
}

function sourceView(source: Source, t: Translate, locale: Locale): SourceView {
  return {
    title: locale === 'cy' ? source.titleCy : source.title,
    validFrom: t('triage.plan.validFrom', { date: day(source.validFrom, locale) }),
    unconfirmed: source.unconfirmed ? t('triage.plan.unconfirmed') : undefined,
  }
}

function uniqueSources(service: Service): Source[] {
  const all = [service.source, ...Object.values(service.figures ?? {}).map((f) => f.source)]
  return all.filter((s, i) => all.findIndex((o) => o.title === s.title && o.validFrom === s.validFrom) === i)
}

function serviceView(
  outcome: Outcome,
  planned: PlannedService,
  answers: Answers,
  t: Translate,
  locale: Locale,
): ServiceView {
  const { service } = planned
  const k = keys.service(service.id)
  const vars = figureVars(service.figures, locale)
  const because = planned.because.flatMap((origin) => {
    const question = outcome.questions.find((q) => q.id === origin.question)
    const answer = answers[origin.question]
    if (!question || answer === undefined) return []
    const label =
      question.kind === 'date'
        ? answerLabel(outcome.id, question, answer, t, locale)
        : t(keys.option(outcome.id, question, origin.value))
    return [t('triage.plan.because', { answer: label, question: questionCopy(outcome.id, question, t, locale).title })]
  })
  return {
    id: service.id,
    name: t(k.name, vars),
    provider: t(keys.provider(service.provider)),
    gives: t(k.gives, vars),
    cost: t(k.cost, vars),
    time: t(k.time, vars),
    mayApply:
      planned.certainty === 'may-apply'
        ? t('triage.plan.mayApplyExplained', { condition: t(k.condition, vars) })
        : undefined,
    because: because.length > 0 ? because : [t('triage.plan.always')],
    sources: uniqueSources(service).map((s) => sourceView(s, t, locale)),
    applyHref: service.how.kind === 'portal' ? `/apply/${service.how.application}` : undefined,
    officialHref: service.url,
    phone: service.how.kind === 'phone' ? service.how.phone : undefined,
  }
}

/** Everything the plan page shows, in the citizen's language. The template only arranges it. */
export function planView(outcome: Outcome, result: Plan, answers: Answers, t: Translate, locale: Locale): PlanView {
  const outcomeTitle = t(keys.outcome(outcome.id).title)
  return {
    pageTitle: t('triage.plan.title', { outcome: outcomeTitle }),
    correctAsOf: day(result.correctAsOf, locale),
    steps: result.steps.map((step, index) => ({
      number: index + 1,
      title: t(keys.step(outcome.id, step.id)),
      services: step.services.map((planned) => serviceView(outcome, planned, answers, t, locale)),
    })),
    notIncluded: result.notIncluded.map(({ service }) => {
      const vars = figureVars(service.figures, locale)
      return { name: t(keys.service(service.id).name, vars), condition: t(keys.service(service.id).condition, vars) }
    }),
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

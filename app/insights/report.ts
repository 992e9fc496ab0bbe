import { CATALOGUE } from '../catalogue'

/**
 * The performance report, worked out from stored counts (pure). Every number a person can
 * read — on the page, in CSV, JSON or open data — goes through `shown`: a count under 10
 * is suppressed (null), and so is a rate or time worked out from one, so that no small
 * group of citizens can be picked out by narrowing the dates.
 */
export const SUPPRESS_BELOW = 10

/** A count as published: null where it is under 10. */
export type Shown = number | null

export const shown = (n: number): Shown => (n < SUPPRESS_BELOW ? null : n)

/** A percentage (0–100, one decimal), suppressed where either side is under 10. */
export function rate(part: number, whole: number): Shown {
  if (part < SUPPRESS_BELOW || whole < SUPPRESS_BELOW) return null
  return Math.round((1000 * part) / whole) / 10
}

/** One summed count: a measure and subject in one outcome and channel. */
export interface CountSum {
  outcome: string
  channel: string
  measure: string
  subject: string
  n: number
}

export interface RatingSum {
  rating: number
  n: number
}

export interface FunnelStep {
  question: string
  reached: Shown
  answered: Shown
  /** Reached and not answered: where people stopped. */
  exits: Shown
}

export interface Funnel {
  outcome: string
  started: Shown
  steps: FunnelStep[]
  planReached: Shown
  completionRate: Shown
}

export interface Headline {
  journeysStarted: Shown
  plansReached: Shown
  /** Plans reached ÷ journeys started. */
  completionRate: Shown
  /** Seconds from start to plan, as the upper bound of the histogram bucket holding the median and 90th percentile. */
  medianSecondsToPlan: Shown
  p90SecondsToPlan: Shown
  applicationsStarted: Shown
  applicationsSubmitted: Shown
  /** Online submissions ÷ all submissions (online and assisted). */
  digitalTakeUp: Shown
  feedbackAnswers: Shown
  /** Satisfied or very satisfied ÷ all ratings. */
  satisfaction: Shown
}

export interface Report {
  headline: Headline
  funnels: Funnel[]
  /** The validation messages met most, at least 10 times each, most first. */
  validation: { subject: string; n: number }[]
}

const sum = (rows: readonly CountSum[], where: (r: CountSum) => boolean) =>
  rows.filter(where).reduce((total, r) => total + r.n, 0)

/** The bucket's upper bound (durationBucket in measures.ts), what "at most" a quantile took. */
export function bucketEnd(lower: number): number {
  if (lower < 60) return lower + 5
  if (lower < 600) return lower + 15
  if (lower < 3600) return lower + 60
  if (lower < 86_400) return lower + 900
  return 86_400
}

/** The q-quantile of a histogram of bucket → count, as the bucket's upper bound; null under 10 values. */
export function quantile(histogram: ReadonlyMap<number, number>, q: number): Shown {
  const buckets = [...histogram.entries()].sort(([a], [b]) => a - b)
  const total = buckets.reduce((s, [, n]) => s + n, 0)
  if (total < SUPPRESS_BELOW) return null
  let seen = 0
  for (const [lower, n] of buckets) {
    seen += n
    if (seen >= q * total) return bucketEnd(lower)
  }
  return null
}

function histogramOf(rows: readonly CountSum[], measure: string): Map<number, number> {
  const histogram = new Map<number, number>()
  for (const r of rows)
    if (r.measure === measure) histogram.set(Number(r.subject), (histogram.get(Number(r.subject)) ?? 0) + r.n)
  return histogram
}

export function buildReport(rows: readonly CountSum[], ratings: readonly RatingSum[]): Report {
  const total = (measure: string) => sum(rows, (r) => r.measure === measure)
  const started = total('journey-started')
  const planned = total('plan-reached')
  const submitted = total('application-submitted')
  const online = sum(rows, (r) => r.measure === 'application-submitted' && r.channel === 'online')
  const answers = ratings.reduce((s, r) => s + r.n, 0)
  const satisfied = ratings.filter((r) => r.rating >= 4).reduce((s, r) => s + r.n, 0)
  const plan = histogramOf(rows, 'plan-seconds')
  const funnels = CATALOGUE.outcomes.map((outcome): Funnel => {
    const inOutcome = (measure: string, subject?: string) =>
      sum(
        rows,
        (r) => r.outcome === outcome.id && r.measure === measure && (subject === undefined || r.subject === subject),
      )
    const steps = outcome.questions.map((q): FunnelStep => {
      const reached = inOutcome('question-reached', q.id)
      const answered = inOutcome('question-answered', q.id)
      return {
        question: q.id,
        reached: shown(reached),
        answered: shown(answered),
        exits: shown(Math.max(0, reached - answered)),
      }
    })
    const outcomeStarted = inOutcome('journey-started')
    const outcomePlanned = inOutcome('plan-reached')
    return {
      outcome: outcome.id,
      started: shown(outcomeStarted),
      steps,
      planReached: shown(outcomePlanned),
      completionRate: rate(outcomePlanned, outcomeStarted),
    }
  })
  const messages = new Map<string, number>()
  for (const r of rows) if (r.measure === 'validation') messages.set(r.subject, (messages.get(r.subject) ?? 0) + r.n)
  const validation = [...messages.entries()]
    .filter(([, n]) => n >= SUPPRESS_BELOW)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, 10)
    .map(([subject, n]) => ({ subject, n }))
  return {
    headline: {
      journeysStarted: shown(started),
      plansReached: shown(planned),
      completionRate: rate(planned, started),
      medianSecondsToPlan: quantile(plan, 0.5),
      p90SecondsToPlan: quantile(plan, 0.9),
      applicationsStarted: shown(total('application-started')),
      applicationsSubmitted: shown(submitted),
      digitalTakeUp: rate(online, submitted),
      feedbackAnswers: shown(answers),
      satisfaction: rate(satisfied, answers),
    },
    funnels,
    validation,
  }
}

/** One month of the published measures (the open-data endpoint). */
export interface MonthMeasures {
  month: string
  completionRate: Shown
  satisfaction: Shown
  digitalTakeUp: Shown
}

export function monthMeasures(month: string, rows: readonly CountSum[], ratings: readonly RatingSum[]): MonthMeasures {
  const { headline } = buildReport(rows, ratings)
  return {
    month,
    completionRate: headline.completionRate,
    satisfaction: headline.satisfaction,
    digitalTakeUp: headline.digitalTakeUp,
  }
}

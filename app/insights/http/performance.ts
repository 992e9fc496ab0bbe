import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { parseDateParts, isoDay } from '../../rules/dates'
import { readInput } from '../../request-input'
import { requireStaff } from '../../staff/http/guards'
import { PERFORMANCE_READERS } from '../../staff/roles'
import { toCsv } from '../../staff/csv'
import { keys } from '../../triage/copy-keys'
import { questionCopy } from '../../triage/http/question-view'
import { CATALOGUE } from '../../catalogue'
import type { Translate } from '../../i18n/translate'
import type { Locale } from '../../i18n/locales'
import type { Report, Shown } from '../report'
import { openData, performanceReport, type DayRange } from '../service/report-query'

const part = z.string().max(8).optional().catch(undefined)
const rangeQuery = z.object(
  Object.fromEntries(['from', 'to'].flatMap((end) => ['day', 'month', 'year'].map((p) => [`${end}-${p}`, part]))),
)
type Typed = Record<string, string | undefined>

/** The default range: the 28 days to today. */
const DEFAULT_DAYS = 28

function rangeFrom(req: Request, today: Date): { range?: DayRange; typed: Typed; errors: ('from' | 'to' | 'order')[] } {
  const typed = readInput(rangeQuery, req.query) as Typed
  const iso = isoDay(today)
  const read = (end: 'from' | 'to') =>
    parseDateParts(
      {
        day: typed[`${end}-day`]?.trim() ?? '',
        month: typed[`${end}-month`]?.trim() ?? '',
        year: typed[`${end}-year`]?.trim() ?? '',
      },
      iso,
      { notFuture: true },
    )
  const from = read('from')
  const to = read('to')
  const errors: ('from' | 'to' | 'order')[] = []
  if (!('value' in from) && !('empty' in from)) errors.push('from')
  if (!('value' in to) && !('empty' in to)) errors.push('to')
  if (errors.length) return { typed, errors }
  const start = 'value' in from ? from.value : isoDay(new Date(today.getTime() - (DEFAULT_DAYS - 1) * 86_400_000))
  const end = 'value' in to ? to.value : iso
  if (start > end) return { typed, errors: ['order'] }
  return { range: { from: start, to: end }, typed, errors }
}

/** The question as the citizen read it, figures filled in ("… £196 a week …"). */
function questionTitle(outcomeId: string, questionId: string, t: Translate, locale: Locale): string {
  const outcome = CATALOGUE.outcomes.find((o) => o.id === outcomeId)
  const question = outcome?.questions.find((q) => q.id === questionId)
  return outcome && question ? questionCopy(outcome.id, question, t, locale).title : questionId
}

const cell = (value: Shown, t: (key: string) => string, unit = '') =>
  value === null ? t('performance.suppressed') : `${value.toLocaleString('en-GB')}${unit}`

/** The report as rows of one table: measure, outcome, subject, value (null = suppressed). */
function flatRows(report: Report): [string, string, string, Shown][] {
  const rows: [string, string, string, Shown][] = Object.entries(report.headline).map(([k, v]) => [k, '', '', v])
  for (const f of report.funnels) {
    rows.push(['journeysStarted', f.outcome, '', f.started], ['plansReached', f.outcome, '', f.planReached])
    rows.push(['completionRate', f.outcome, '', f.completionRate])
    for (const s of f.steps)
      rows.push(
        ['questionReached', f.outcome, s.question, s.reached],
        ['questionAnswered', f.outcome, s.question, s.answered],
        ['questionExits', f.outcome, s.question, s.exits],
      )
  }
  for (const v of report.validation) rows.push(['validationMessage', '', v.subject, v.n])
  return rows
}

/**
 * The performance page for service owners and admins, its CSV and JSON exports, and the
 * public open-data endpoint. Every figure is suppressed under 10 (report.ts) before it
 * reaches any of them.
 */
export function performanceRoutes(deps: AppDeps): Router {
  const router = Router()
  const guard = requireStaff(PERFORMANCE_READERS)

  router.get('/performance', guard, async (req: Request, res: Response) => {
    const t = res.locals.t
    const { range, typed, errors } = rangeFrom(req, deps.clock())
    const errorList = errors.map((e) => ({
      text: t(`performance.errors.${e}`),
      href: e === 'to' ? '#to-day' : '#from-day',
    }))
    const report = range ? await performanceReport(deps.db, range) : undefined
    const query = range ? new URLSearchParams(req.query as Record<string, string>).toString() : ''
    res.status(errors.length ? 400 : 200).render('insights/performance.njk', {
      pageTitle: t('performance.title'),
      errorList,
      fromError: errors.includes('from')
        ? t('performance.errors.from')
        : errors.includes('order')
          ? t('performance.errors.order')
          : undefined,
      toError: errors.includes('to') ? t('performance.errors.to') : undefined,
      typed,
      range,
      csvHref: `/performance.csv${query ? `?${query}` : ''}`,
      jsonHref: `/performance.json${query ? `?${query}` : ''}`,
      headline: report
        ? Object.entries(report.headline).map(([key, value]) => ({
            label: t(`performance.headline.${key}`),
            value:
              /Seconds/.test(key) && value !== null
                ? t('performance.seconds', { count: value })
                : cell(value, t, /Rate|TakeUp|satisfaction/.test(key) ? '%' : ''),
          }))
        : [],
      funnels: (report?.funnels ?? []).map((f) => {
        const top = Math.max(1, ...f.steps.map((s) => s.reached ?? 0))
        return {
          title: t(keys.outcome(f.outcome).title),
          started: cell(f.started, t),
          planReached: cell(f.planReached, t),
          completionRate: cell(f.completionRate, t, '%'),
          rows: f.steps.map((s, i) => ({
            question: questionTitle(f.outcome, s.question, t, res.locals.locale),
            reached: cell(s.reached, t),
            answered: cell(s.answered, t),
            exits: cell(s.exits, t),
            // The chart's bar, as a share of the widest: suppressed figures draw no bar.
            width: s.reached === null ? 0 : Math.round((400 * s.reached) / top),
            y: i * 28,
          })),
          chartHeight: Math.max(28, f.steps.length * 28),
        }
      }),
      validation: (report?.validation ?? []).map((v) => ({ subject: v.subject, n: v.n.toLocaleString('en-GB') })),
    })
  })

  const exported = async (req: Request, res: Response) => {
    const { range } = rangeFrom(req, deps.clock())
    if (!range) {
      res.status(400).type('text/plain').send('Bad date range')
      return undefined
    }
    return { range, report: await performanceReport(deps.db, range) }
  }

  router.get('/performance.csv', guard, async (req, res) => {
    const found = await exported(req, res)
    if (!found) return
    const csv = toCsv(
      ['measure', 'outcome', 'subject', 'value', 'from', 'to'],
      flatRows(found.report).map(([m, o, s, v]) => [
        m,
        o,
        s,
        v === null ? 'suppressed' : String(v),
        found.range.from,
        found.range.to,
      ]),
    )
    res.type('text/csv').attachment(`performance-${found.range.from}-${found.range.to}.csv`).send(csv)
  })

  router.get('/performance.json', guard, async (req, res) => {
    const found = await exported(req, res)
    if (!found) return
    res.json({ ...found.range, suppressedBelow: 10, ...found.report })
  })

  // Public: the published measures by month, as GOV.UK services publish them.
  router.get('/performance/open-data.json', async (_req, res) => {
    res.json({ suppressedBelow: 10, months: await openData(deps.db) })
  })

  return router
}

import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { outcomeById } from '../../catalogue'
import type { Clock } from '../../clock'
import type { Locale } from '../../i18n/locales'
import type { Translate } from '../../i18n/translate'
import { parseAnswer } from '../answer-schema'
import { answersOnPath } from '../engine'
import { planPage } from './plan-page'
import { startAgainRoutes } from './start-again'
import { type Shown } from './question-view'
import { keptQuestionView } from './kept-question-view'
import { OUTCOME_IDS, type Answer, type Outcome, type Question } from '../../catalogue/types'
import { oneOf, readInput } from '../../request-input'
import { emailPlanUrl, planUrl, questionUrl, startAgainUrl } from '../urls'
import { walk } from '../walk'
import type { InsightCounter } from '../../insights/service/counter'
import { JourneyRecorder } from '../../insights/http/record'

const outcomeParams = z.object({ outcome: oneOf(...OUTCOME_IDS) })
/** `?change=true` marks a visit from a Change link on the plan. */
const changeQuery = z.object({ change: oneOf('true') })
/** A date as typed, shown back with its error (the answer itself is parsed by answer-schema.ts). */
const typedDate = z.object(
  Object.fromEntries(
    ['answer-day', 'answer-month', 'answer-year'].map((name) => [name, z.string().optional().catch(undefined)]),
  ),
)

function outcomeOf(req: Request): Outcome | undefined {
  const id = readInput(outcomeParams, req.params).outcome
  return id ? outcomeById(id) : undefined
}

function answersOf(req: Request, outcome: Outcome): Record<string, Answer> {
  return req.session.triage?.[outcome.id] ?? {}
}

function copy(res: Response): { t: Translate; locale: Locale } {
  return { t: res.locals.t, locale: res.locals.locale }
}

/** Where the citizen should be now: the next question on their path, or their plan. */
const resumeUrl = (outcome: Outcome, answers: Record<string, Answer>, today: Date) => {
  const next = walk(outcome, answers, today).next
  return next ? questionUrl(outcome.id, next.id) : planUrl(outcome.id)
}

/**
 * The question on the citizen's path, from one walk of it, or undefined when the question
 * is not on their path (skipped by an earlier answer, or not reached yet).
 */
function locate(outcome: Outcome, answers: Record<string, Answer>, questionId: string, today: Date) {
  const state = walk(outcome, answers, today)
  const index = state.answered.findIndex((q) => q.id === questionId)
  const question: Question | undefined =
    index >= 0 ? state.answered[index] : state.next?.id === questionId ? state.next : undefined
  return question ? { question, state, index } : undefined
}

type Located = NonNullable<ReturnType<typeof locate>>

/** The page before the question, from the same walk (a page view walks the path once, not once per use). */
function backHrefOf(outcome: Outcome, { state, index }: Located, change: boolean): string {
  const previous = index >= 0 ? state.answered[index - 1] : state.answered.at(-1)
  // From a Change link the way back is the plan, as on a GOV.UK check answers page.
  return change && !state.next ? planUrl(outcome.id) : previous ? questionUrl(outcome.id, previous.id) : '/'
}

function renderQuestion(
  req: Request,
  res: Response,
  outcome: Outcome,
  located: Located,
  shown: Shown,
  errorKey?: string,
) {
  const { question } = located
  const { t, locale } = copy(res)
  const view = keptQuestionView(outcome.id, question, shown, errorKey, t, locale, Boolean(req.session.assisted))
  const change = readInput(changeQuery, req.query).change === 'true'
  res.render('triage/question.njk', {
    view,
    pageTitle: view.pageTitle,
    errorList: view.errorList,
    backHref: backHrefOf(outcome, located, change),
    action: `${questionUrl(outcome.id, question.id)}${change ? '?change=true' : ''}`,
  })
}

/**
 * Question pages and the plan: parse, call the engine, render or redirect (POST-redirect-GET).
 * Each request reads the clock once, so its ages (dates of birth) are worked out on one day.
 */
export function triageRoutes(clock: Clock, insights: InsightCounter): Router {
  const router = Router()
  router.use(startAgainRoutes())
  const counts = new JourneyRecorder(insights, clock)

  router.get('/outcomes/:outcome', (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome) return next()
    const answers = answersOf(req, outcome)
    const today = clock()
    counts.started(req, res, outcome.id, answers, walk(outcome, answers, today).next?.id)
    res.redirect(resumeUrl(outcome, answers, today))
  })

  router.get('/outcomes/:outcome/plan', (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome) return next()
    const answers = answersOf(req, outcome)
    const { t, locale } = copy(res)
    const today = clock()
    const page = planPage(outcome, answers, t, locale, today)
    if (!page.complete) return res.redirect(resumeUrl(outcome, answers, today))
    counts.planned(req, res, outcome.id, answers)
    res.render('triage/plan.njk', {
      view: page.view,
      pageTitle: page.view.pageTitle,
      backHref: page.backHref,
      startAgainHref: startAgainUrl(outcome.id),
      emailHref: emailPlanUrl(outcome.id),
      // Applications sent from this browser: their services show as applied for, with the reference.
      applied: req.session.applied ?? {},
      outcomeId: outcome.id,
    })
  })

  router.get('/outcomes/:outcome/:question', (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome || !outcome.questions.some((q) => q.id === req.params.question)) return next()
    const answers = answersOf(req, outcome)
    const today = clock()
    const located = locate(outcome, answers, req.params.question, today)
    if (!located) return res.redirect(resumeUrl(outcome, answers, today))
    counts.shown(req, res, outcome.id, answers, located.question.id)
    renderQuestion(req, res, outcome, located, { answer: answers[located.question.id] })
  })

  router.post('/outcomes/:outcome/:question', (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome || !outcome.questions.some((q) => q.id === req.params.question)) return next()
    const answers = answersOf(req, outcome)
    const today = clock()
    const located = locate(outcome, answers, req.params.question, today)
    if (!located) return res.redirect(303, resumeUrl(outcome, answers, today))
    // The walk's event days: a date banded at an event always comes after the question dating it.
    const parsed = parseAnswer(outcome.id, located.question, req.body, today, located.state.events)
    if (!parsed.ok) {
      const typed = readInput(typedDate, req.body)
      counts.invalid(req, res, outcome.id, answers, located.question.id, parsed.errorKey)
      res.status(400)
      return renderQuestion(
        req,
        res,
        outcome,
        located,
        { day: typed['answer-day'], month: typed['answer-month'], year: typed['answer-year'] },
        parsed.errorKey,
      )
    }
    const kept = answersOnPath(outcome, { ...answers, [located.question.id]: parsed.answer }, today)
    req.session.triage = { ...req.session.triage, [outcome.id]: kept }
    counts.answered(req, res, outcome.id, kept, located.question.id, walk(outcome, kept, today).next?.id)
    res.redirect(303, resumeUrl(outcome, kept, today))
  })

  return router
}

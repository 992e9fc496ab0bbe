import type { Request, Response } from 'express'
import type { Clock } from '../../clock'
import { durationBucket, nationOf, type Dimensions, type Measure } from '../measures'
import type { InsightCounter } from '../service/counter'
import type { JourneyMarks } from './session'

/**
 * Turns what a request already knows (outcome, answers, language, assisted or not) into a
 * count. Only ids and enumerations are passed on: never an answer, the session id or the IP.
 */
export function dimensionsOf(
  req: Request,
  res: Response,
  outcome: string,
  answers?: Readonly<Record<string, unknown>>,
): Dimensions {
  return {
    outcome,
    nation: nationOf(answers),
    language: res.locals.locale,
    channel: req.session.assisted ? 'assisted' : 'online',
  }
}

/** Counts per journey in a triage outcome, each at most once per journey where the measure says so. */
export class JourneyRecorder {
  constructor(
    private readonly counter: InsightCounter,
    private readonly clock: Clock,
  ) {}

  private marks(req: Request, outcome: string): JourneyMarks | undefined {
    return req.session.insights?.[outcome]
  }

  private add(req: Request, res: Response, outcome: string, answers: object, measure: Measure, subject?: string) {
    this.counter.count({ ...dimensionsOf(req, res, outcome, answers as Record<string, unknown>), measure, subject })
  }

  /** The journey's start (once), and the first page it is sent to. */
  started(req: Request, res: Response, outcome: string, answers: object, firstQuestion: string | undefined): void {
    if (!this.marks(req, outcome)) {
      req.session.insights = {
        ...req.session.insights,
        [outcome]: { startedAt: this.clock().getTime(), reached: [], answered: [] },
      }
      this.add(req, res, outcome, answers, 'journey-started')
    }
    if (firstQuestion) this.reached(req, res, outcome, answers, firstQuestion)
  }

  /** The journey is sent to a question (once per question). */
  reached(req: Request, res: Response, outcome: string, answers: object, question: string): void {
    const marks = this.marks(req, outcome)
    if (!marks || marks.reached.includes(question)) return
    marks.reached = [...marks.reached, question]
    this.add(req, res, outcome, answers, 'question-reached', question)
  }

  /** A valid answer (once per question), then the page it leads to. */
  answered(req: Request, res: Response, outcome: string, answers: object, question: string, next?: string): void {
    // A journey entered at a question's address, not through its start, starts here.
    this.started(req, res, outcome, answers, undefined)
    const marks = this.marks(req, outcome)
    if (marks && !marks.answered.includes(question)) {
      marks.answered = [...marks.answered, question]
      this.add(req, res, outcome, answers, 'question-answered', question)
    }
    if (next) this.reached(req, res, outcome, answers, next)
  }

  shown(req: Request, res: Response, outcome: string, answers: object, question: string): void {
    this.add(req, res, outcome, answers, 'question-view', question)
  }

  invalid(req: Request, res: Response, outcome: string, answers: object, question: string, messageKey: string): void {
    this.add(req, res, outcome, answers, 'validation', `${question}:${messageKey}`)
  }

  /** The plan, the first time this journey sees it, with how long the journey took. */
  planned(req: Request, res: Response, outcome: string, answers: object): void {
    const marks = this.marks(req, outcome)
    if (!marks || marks.planned) return
    marks.planned = true
    this.add(req, res, outcome, answers, 'plan-reached')
    const seconds = (this.clock().getTime() - marks.startedAt) / 1000
    this.add(req, res, outcome, answers, 'plan-seconds', String(durationBucket(seconds)))
  }
}

/** An application event, in the cell of the outcome whose triage answers the application uses. */
export function countApplication(
  counter: InsightCounter,
  req: Request,
  res: Response,
  app: { id: string; outcome: string },
  measure: Measure,
  subject: string = app.id,
): void {
  const answers = req.session.triage?.[app.outcome as keyof NonNullable<typeof req.session.triage>]
  counter.count({ ...dimensionsOf(req, res, app.outcome, answers), measure, subject })
}

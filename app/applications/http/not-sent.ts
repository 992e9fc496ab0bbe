import type { Response } from 'express'
import { RETRY_AFTER_SECONDS } from '../service/outage'
import type { Application } from '../definition'
import { base } from './request'

/**
 * "Sorry, we could not send your application": the database could not be reached while
 * sending. Nothing was sent and the draft was not touched (the submission is one
 * transaction), so the citizen is told their answers are kept and sent back to check
 * answers to send again. 503, not the generic 500: the service is down for a moment,
 * the citizen did nothing wrong.
 */
export function renderNotSent(res: Response, app: Application, reference?: string): void {
  const t = res.locals.t
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
  res.status(503).render('applications/not-sent.njk', {
    pageTitle: t('apply.notSent.title'),
    reference,
    checkAnswersHref: `${base(app)}/check-answers`,
  })
}

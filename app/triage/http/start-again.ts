import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { outcomeById } from '../../catalogue'
import { OUTCOME_IDS, type Outcome } from '../../catalogue/types'
import { oneOf, readInput } from '../../request-input'
import { keys } from '../copy-keys'
import { planUrl, questionUrl, startAgainUrl } from '../urls'

const outcomeParams = z.object({ outcome: oneOf(...OUTCOME_IDS) })
const confirmForm = z.object({ confirm: oneOf('yes', 'no') })

function render(res: Response, outcome: Outcome, error: boolean) {
  const t = res.locals.t
  const message = t('triage.startAgain.error')
  res.status(error ? 400 : 200).render('triage/start-again.njk', {
    pageTitle: t('triage.startAgain.title'),
    hint: t('triage.startAgain.hint', { outcome: t(keys.outcome(outcome.id).title) }),
    errorList: error ? [{ text: message, href: '#confirm' }] : [],
    errorMessage: error ? { text: message, visuallyHiddenText: t('common.govuk.errorHidden') } : undefined,
    action: startAgainUrl(outcome.id),
    backHref: planUrl(outcome.id),
  })
}

const outcomeOf = (req: Request) => {
  const id = readInput(outcomeParams, req.params).outcome
  return id ? outcomeById(id) : undefined
}

/**
 * "Start again" from a plan: a confirmation question, then that outcome's answers are
 * cleared and the first question is asked afresh. Other outcomes' answers and any
 * application drafts are left alone ("Delete my answers" is for everything).
 */
export function startAgainRoutes(): Router {
  const router = Router()
  router.get('/outcomes/:outcome/start-again', (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome) return next()
    render(res, outcome, false)
  })
  router.post('/outcomes/:outcome/start-again', (req, res, next) => {
    const outcome = outcomeOf(req)
    if (!outcome) return next()
    const confirm = readInput(confirmForm, req.body).confirm
    if (!confirm) return render(res, outcome, true)
    if (confirm === 'no') return res.redirect(303, planUrl(outcome.id))
    const { [outcome.id]: _cleared, ...others } = req.session.triage ?? {}
    req.session.triage = others
    const first = outcome.questions[0]
    res.redirect(303, first ? questionUrl(outcome.id, first.id) : '/')
  })
  return router
}

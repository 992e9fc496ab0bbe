import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { sanitiseText } from '../../applications/sanitise'
import { readInput } from '../../request-input'
import { checkFeedback, feedbackContext, IMPROVEMENT_MAX, RATINGS, type FeedbackContext } from '../feedback'
import { saveFeedback } from '../service/feedback-store'

const feedbackForm = z.object({
  rating: z.string().optional().catch(undefined),
  improvement: z.unknown().optional().transform(sanitiseText),
})

interface Shown {
  rating?: string
  improvement?: string
  errors?: readonly ('rating' | 'improvement')[]
}

function render(res: Response, context: FeedbackContext, shown: Shown): void {
  const t = res.locals.t
  const errors = shown.errors ?? []
  const message = (field: 'rating' | 'improvement') =>
    errors.includes(field)
      ? {
          text: t(`feedback.errors.${field}`, { max: IMPROVEMENT_MAX }),
          visuallyHiddenText: t('common.govuk.errorHidden'),
        }
      : undefined
  res.status(errors.length ? 400 : 200).render('insights/feedback.njk', {
    pageTitle: t('feedback.title'),
    context,
    ratings: RATINGS.map((value) => ({ value, text: t(`feedback.ratings.${value}`), checked: shown.rating === value })),
    improvement: shown.improvement ?? '',
    maxLength: IMPROVEMENT_MAX,
    ratingError: message('rating'),
    improvementError: message('improvement'),
    errorList: errors.map((field) => ({
      text: t(`feedback.errors.${field}`, { max: IMPROVEMENT_MAX }),
      href: field === 'rating' ? '#rating' : '#improvement',
    })),
  })
}

/**
 * The feedback page every ending links to (plan, confirmation, leaving) and the phase banner:
 * the GOV.UK satisfaction question and "How could we improve this service?". The text is
 * scrubbed of personal details before it is stored (scrub.ts); nothing ties it to a session.
 */
export function feedbackRoutes(deps: AppDeps): Router {
  const router = Router()

  router.get('/feedback', (req, res) => {
    render(res, readInput(feedbackContext, req.query), {})
  })

  router.post('/feedback', async (req: Request, res: Response) => {
    const context = readInput(feedbackContext, req.body)
    const form = readInput(feedbackForm, req.body)
    const checked = checkFeedback(form.rating, form.improvement)
    if (!checked.ok) return render(res, context, { ...form, errors: checked.errors })
    await saveFeedback(deps.db, deps.clock, {
      context,
      language: res.locals.locale,
      channel: req.session.assisted ? 'assisted' : 'online',
      rating: checked.rating,
      improvement: checked.improvement,
    })
    res.redirect(303, '/feedback/sent')
  })

  router.get('/feedback/sent', (_req, res) => {
    res.render('insights/feedback-sent.njk', { pageTitle: res.locals.t('feedback.sent.title') })
  })

  return router
}

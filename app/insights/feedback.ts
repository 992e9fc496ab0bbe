import { z } from 'zod'
import { OUTCOME_IDS } from '../catalogue/ids.generated'
import { scrub } from './scrub'

/** The GOV.UK satisfaction scale, best first; stored as 5 (very satisfied) down to 1. */
export const RATINGS = ['very-satisfied', 'satisfied', 'neither', 'dissatisfied', 'very-dissatisfied'] as const
export type Rating = (typeof RATINGS)[number]
export const ratingScore = (rating: Rating): number => RATINGS.length - RATINGS.indexOf(rating)

/** Where the citizen came to the feedback page from: an ending of the journey, or the phase banner. */
export const ENDINGS = ['plan', 'confirmation', 'leaving', 'banner'] as const

/** As long as the GOV.UK feedback pattern allows for "How could we improve this service?". */
export const IMPROVEMENT_MAX = 1200

/** Where the page was opened from, read from its query (or the form's hidden fields); unknown reads as the banner. */
export const feedbackContext = z.object({
  from: z.enum(ENDINGS).catch('banner').default('banner'),
  outcome: z
    .enum(['none', ...OUTCOME_IDS])
    .catch('none')
    .default('none'),
})
export type FeedbackContext = z.infer<typeof feedbackContext>

export type FeedbackCheck =
  { ok: true; rating: Rating; improvement: string | undefined } | { ok: false; errors: ('rating' | 'improvement')[] }

/**
 * The answer to store: a rating on the scale, and the improvement text trimmed and scrubbed
 * of personal details (scrub.ts); too long is an error rather than cut, so nothing typed is
 * silently lost.
 */
export function checkFeedback(rating: unknown, improvement: unknown): FeedbackCheck {
  const chosen = RATINGS.find((r) => r === rating)
  const text = typeof improvement === 'string' ? improvement.trim() : ''
  const errors: ('rating' | 'improvement')[] = []
  if (!chosen) errors.push('rating')
  if (text.length > IMPROVEMENT_MAX) errors.push('improvement')
  if (!chosen || errors.length) return { ok: false, errors }
  return { ok: true, rating: chosen, improvement: text ? scrub(text) : undefined }
}

import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock'
import type { Db } from '../../store/db'
import { ratingScore, type FeedbackContext, type Rating } from '../feedback'
import type { Dimensions } from '../measures'

export interface FeedbackEntry {
  context: FeedbackContext
  language: Dimensions['language']
  channel: Dimensions['channel']
  rating: Rating
  /** Already scrubbed (checkFeedback). */
  improvement: string | undefined
}

/** Stores one answer with the day only: a time to the second could match a row to a visit in a log. */
export async function saveFeedback(db: Db, clock: Clock, entry: FeedbackEntry): Promise<void> {
  await db.run(
    `INSERT INTO feedback (id, day, ending, outcome, language, channel, rating, improvement)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      randomUUID(),
      clock().toISOString().slice(0, 10),
      entry.context.from,
      entry.context.outcome,
      entry.language,
      entry.channel,
      ratingScore(entry.rating),
      entry.improvement ?? null,
    ],
  )
}

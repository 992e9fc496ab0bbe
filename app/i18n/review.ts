import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { LOCALES_DIR } from '../paths'
import { allMessages } from './locales'

/**
 * Which Welsh strings a Welsh speaker has reviewed, kept per string in
 * app/locales/review-status.json. A review is of a particular English and Welsh pair: its
 * fingerprint is stored with it, so a string changed since (either language) is no longer
 * reviewed. `pages` are the page states every Welsh string of which is reviewed, worked out
 * by `npm run translations:import` from the rendered pages; every other page holds Welsh
 * not yet reviewed. Nobody has reviewed any Welsh yet: both start empty.
 */
export interface Review {
  reviewer: string
  /** ISO date of the review. */
  date: string
  /** Fingerprint of the English and Welsh reviewed together. */
  fingerprint: string
}

export interface ReviewFile {
  _why: string
  strings: Record<string, Review>
  pages: string[]
}

export type ReviewStatus = 'reviewed' | 'changed-since-review' | 'awaiting-review'

export const REVIEW_FILE = path.join(LOCALES_DIR, 'review-status.json')

export function fingerprint(english: string, welsh: string): string {
  return createHash('sha256').update(english).update('\u0000').update(welsh).digest('hex').slice(0, 16)
}

export function readReviews(file = REVIEW_FILE): ReviewFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ReviewFile
}

/** A string's review status against the copy as it is now. */
export function reviewStatus(key: string, reviews: ReviewFile = readReviews()): ReviewStatus {
  const review = reviews.strings[key]
  if (!review) return 'awaiting-review'
  const { en, cy } = allMessages()
  return review.fingerprint === fingerprint(en.get(key) ?? '', cy.get(key) ?? '') ? 'reviewed' : 'changed-since-review'
}

/** Counts for the auditors' index: how many Welsh strings are reviewed, of all of them. */
export function reviewCounts(reviews: ReviewFile = readReviews()): { reviewed: number; total: number } {
  const keys = [...allMessages().cy.keys()]
  return { reviewed: keys.filter((k) => reviewStatus(k, reviews) === 'reviewed').length, total: keys.length }
}

import { NATIONS } from '../catalogue/schema'
import type { Locale } from '../i18n/locales'

/**
 * What the portal counts for service owners, and nothing else. Every field is drawn from a
 * closed list (catalogue ids, copy keys, fixed buckets), never from what a citizen typed,
 * so a count can never carry personal data.
 */
export const MEASURES = [
  /** A citizen chose an outcome and began its questions (once per journey). */
  'journey-started',
  /** A journey reached its plan (once per journey); with `plan-seconds`, how long it took. */
  'plan-reached',
  /** A question page shown (every showing, repeats included); subject: the question id. */
  'question-view',
  /** A journey was sent to a question (once per journey and question); subject: the question id. */
  'question-reached',
  /** A journey answered a question (once per journey and question): reached − answered = exits. */
  'question-answered',
  /** A validation message shown; subject: `question:message key`. */
  'validation',
  /** An application page shown; subject: `application/page`. */
  'page-view',
  /** A draft application created; subject: the application id. */
  'application-started',
  'application-saved',
  'application-resumed',
  'application-submitted',
  /** Seconds from start to plan, and from a draft's creation to its submission, as buckets (subject). */
  'plan-seconds',
  'submit-seconds',
] as const
export type Measure = (typeof MEASURES)[number]

export const CHANNELS = ['online', 'assisted'] as const
export type InsightChannel = (typeof CHANNELS)[number]

/** A nation the citizen named, or `unknown` before the question that asks it. */
export type InsightNation = (typeof NATIONS)[number] | 'unknown'

/** Who a count is about, in the aggregate: the cell it adds to. */
export interface Dimensions {
  outcome: string
  nation: InsightNation
  language: Locale
  channel: InsightChannel
}

export interface InsightEvent extends Dimensions {
  measure: Measure
  subject?: string
}

/** The nation in a journey's answers (the `nation` question every outcome asks first). */
export function nationOf(answers: Readonly<Record<string, unknown>> | undefined): InsightNation {
  const value = answers?.nation
  return typeof value === 'string' && (NATIONS as readonly string[]).includes(value)
    ? (value as InsightNation)
    : 'unknown'
}

/**
 * Durations are kept as a histogram, not one row per journey: a row per journey with its
 * exact time would, with the day and cell, come close to describing one person. Buckets
 * are narrow where most journeys fall (5 s under a minute, 15 s under ten minutes, a minute
 * under an hour, a quarter of an hour under a day), so a median read from them is within
 * one bucket of the true one. Returns the bucket's lower bound in seconds.
 */
export function durationBucket(seconds: number): number {
  const s = Math.max(0, Math.floor(seconds))
  if (s < 60) return s - (s % 5)
  if (s < 600) return s - (s % 15)
  if (s < 3600) return s - (s % 60)
  if (s < 86_400) return s - (s % 900)
  return 86_400
}

import type { OutcomeId, QuestionId } from '../catalogue/types'

/** The one place triage URLs are built, so other areas link into journeys without guessing. */
export const outcomeUrl = (outcome: OutcomeId) => `/outcomes/${outcome}`
export const questionUrl = (outcome: OutcomeId, question: QuestionId) => `/outcomes/${outcome}/${question}`
export const planUrl = (outcome: OutcomeId) => `/outcomes/${outcome}/plan`
export const changeUrl = (outcome: OutcomeId, question: QuestionId) => `${questionUrl(outcome, question)}?change=true`
export const startAgainUrl = (outcome: OutcomeId) => `/outcomes/${outcome}/start-again`
export const emailPlanUrl = (outcome: OutcomeId) => `/outcomes/${outcome}/plan/email`
export const emailedPlanUrl = (outcome: OutcomeId) => `/outcomes/${outcome}/plan/emailed`
/** The stop link in a deadline reminder email, and the page after stopping. */
export const stopRemindersUrl = (token: string) => `/reminders/stop/${token}`
export const REMINDERS_STOPPED_URL = '/reminders/stopped'

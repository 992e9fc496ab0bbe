import 'express-session'

declare module 'express-session' {
  interface SessionData {
    /**
     * Per outcome, what has been counted of this journey already, so each journey adds one
     * to "started", "reached" and "answered" however often a page is shown again. Kept in the
     * session the journey already has (no cookie of its own), and never copied into the counts.
     */
    insights?: Partial<Record<string, JourneyMarks>>
  }
}

export interface JourneyMarks {
  /** Server time the journey started (epoch ms): time to plan is measured from here. */
  startedAt: number
  reached: string[]
  answered: string[]
  planned?: true
}

import 'express-session'
import type { Answer, OutcomeId, QuestionId } from '../../catalogue/types'

declare module 'express-session' {
  interface SessionData {
    /** Triage answers per outcome. Only answers on the citizen's current path are kept. */
    triage?: Partial<Record<OutcomeId, Record<QuestionId, Answer>>>
    /**
     * Outcome → the kept plan this browser emailed, or applied from (service/kept-plans.ts): an
     * application sent from here is marked on it, and "Delete my answers" deletes it.
     */
    keptPlans?: Partial<Record<string, string>>
  }
}

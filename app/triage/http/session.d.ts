import 'express-session'
import type { Answer, OutcomeId, QuestionId } from '../../catalogue/types'

declare module 'express-session' {
  interface SessionData {
    /** Triage answers per outcome. Only answers on the citizen's current path are kept. */
    triage?: Partial<Record<OutcomeId, Record<QuestionId, Answer>>>
  }
}

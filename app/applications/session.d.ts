import 'express-session'

/**
 * Assisted digital: set by the staff area when an adviser acts for a citizen. Declared here
 * because the applications read it first; the staff area owns setting and clearing it.
 */
export interface AssistedContext {
  staffId: string
  channel: 'phone' | 'face-to-face' | 'video'
  consentAt: string
}

declare module 'express-session' {
  interface SessionData {
    /** Application id → the id of the draft this browser is working on. */
    applications?: Record<string, string>
    assisted?: AssistedContext
  }
}

import 'express-session'

// `assisted` (the adviser acting for a citizen) is declared by the staff area in app/staff/http/session.d.ts.
declare module 'express-session' {
  interface SessionData {
    /** Application id → the id of the draft this browser is working on. */
    applications?: Record<string, string>
    /** Draft id → the key that shows this session holds the draft (see draft-ownership.ts). */
    draftKeys?: Record<string, string>
    /** Application id → the reference of the application this browser sent, for the plan's "Applied" mark. */
    applied?: Record<string, string>
  }
}

import 'express-session'
import type { PendingSignIn, StaffSession } from '../session-rules'

declare module 'express-session' {
  interface SessionData {
    /**
     * The signed-in member of staff. Set only after a fresh session id (see sign-in); its
     * email and role are refreshed from the store on every request (current-staff.ts).
     */
    staff?: StaffSession
    /**
     * Half way through signing in: the password was right, the second factor is still to
     * come. Nothing but the two-factor pages reads it; no staff page opens on it.
     */
    staffPending?: PendingSignIn
    /**
     * Set when staff start helping a citizen (or resume their draft); the applications read
     * it for the declaration wording and the submission's channel. Cleared with everything
     * else of the citizen by "Finish and clear".
     */
    assisted?: {
      staffId: string
      channel: 'phone' | 'face-to-face' | 'video'
      consentAt: string
      /** The case in "My cases today" (app/staff/service/cases.ts); absent in sessions older than cases. */
      caseId?: string
      /** The adviser's label for the case, shown in the banner. */
      label?: string
    }
    /** A one-off message for the next staff page ("you have finished helping…"). */
    staffFlash?: 'cleared' | 'signed-in'
    /** What the adviser last sent the citizen from this case, for the "sent" page. */
    handedOver?: 'plan' | 'application'
  }
}

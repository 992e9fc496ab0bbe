import type { ApiKey } from '../api/keys'
import type { Locale } from '../i18n/locales'
import type { Translate } from '../i18n/translate'
import type { Channel } from '../staff/channels'
import type { StaffIdentity } from '../staff/roles'
import type { SessionTimeoutLocals } from './session-timeout'

/**
 * What the middleware puts in `res.locals` for every page (app.ts mounts it before any
 * route), typed once here so that routes and templates read it without a cast. Only
 * middleware and http/ write `res.locals`. The error handler may run before the later
 * middleware did, so it alone supplies the language defensively.
 */
declare global {
  namespace Express {
    interface Locals {
      /** request-context.ts: the id the logs carry. */
      requestId: string
      /** security.ts: the CSP nonce of this response's inline script. */
      cspNonce: string
      /** session-timeout.ts: whether and when the timeout warning opens. */
      sessionTimeout: SessionTimeoutLocals
      /** session-timeout.ts: where "Stay signed in" returns to without JavaScript. */
      currentPath: string
      /** csrf.ts: makes (and keeps in the session) the token a form carries. */
      csrfToken: () => string
      /** locale.ts: the page's language, its translator and the toggle to the other one. */
      locale: Locale
      htmlLang: Locale
      t: Translate
      languageToggle: { current: Locale; otherHref: string }
      /** assisted.ts: the signed-in member of staff and the citizen they are helping, if any. */
      staff: Pick<StaffIdentity, 'email' | 'role'> | undefined
      /** `label`: the adviser's label for the case ('' when none); `inCase`: the session has a case to show. */
      assisted: { channel: Channel; label: string; inCase: boolean } | undefined
      /** api/http/submissions.ts: the hand-over API key the request was made with. */
      apiKey?: ApiKey
    }
  }
}

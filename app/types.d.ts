import 'express-session'
import type { Locale } from './i18n/locales'

declare module 'express-session' {
  interface SessionData {
    /** The language the citizen chose with the toggle or `?lang=`. */
    lang?: Locale
  }
}

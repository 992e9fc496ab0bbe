import session from 'express-session'
import type { RequestHandler } from 'express'
import type { Clock } from '../clock'
import type { Config } from '../config'
import { BoundedRenewalStore } from './session-renewal'

/**
 * Server-side sessions in the configured store. The cookie carries only the signed id:
 * HttpOnly, SameSite=Lax, and in production Secure with the `__Host-` prefix (which
 * browsers only accept over TLS, for the whole host). `rolling` renews the idle limit on
 * every request, so the limit counts idle time, not time since the first page; the store
 * renews its copy at most once a minute when nothing changed (./session-renewal.ts).
 */
export function sessions(config: Config, store: session.Store, clock: Clock): RequestHandler {
  const production = config.env === 'production'
  return session({
    name: production ? '__Host-portal-session' : 'portal-session',
    secret: config.sessionSecret,
    store: new BoundedRenewalStore(store, clock),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.trustProxy > 0,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: production,
      path: '/',
      maxAge: config.sessionIdleMinutes * 60 * 1000,
    },
  })
}

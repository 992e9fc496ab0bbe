import express, { type Express, type Router } from 'express'
import type { AppDeps } from './deps'
import { formBody, parseQuery } from './middleware/body'
import { csrfProtection, csrfTokenLocal } from './middleware/csrf'
import { errorHandler, notFound } from './middleware/errors'
import { locale } from './middleware/locale'
import { assistedContext } from './middleware/assisted'
import { onlyFormMethods } from './middleware/methods'
import { onlyUnder } from './middleware/only-under'
import { requestContext } from './middleware/request-context'
import { cspNonce, noStore, securityHeaders } from './middleware/security'
import { sessions } from './middleware/session'
import { healthRoutes } from './site/http/health'
import { infoPageRoutes } from './site/http/info-pages'
import { startRoutes } from './triage/http/start'
import { accessibilityRoutes } from './a11y/http/routes'
import { sessionTimeout } from './middleware/session-timeout'
import { sessionRoutes } from './timeout/http/routes'
import { applicationRoutes } from './applications/http/routes'
import { submissionsApi } from './api/http/submissions'
import { staffRoutes } from './staff/http/routes'
import { currentStaff } from './staff/http/current-staff'
import { feedbackRoutes } from './insights/http/feedback'
import { performanceRoutes } from './insights/http/performance'
import { keepEmailRoutes } from './triage/http/keep-email'
import { keptPlanRoutes } from './triage/http/kept-plan'
import { triageRoutes } from './triage/http/routes'
import { reminderStopRoutes } from './triage/http/reminder-stop'
import { createRendering } from './views/rendering'

/**
 * The whole request lifecycle in one place, in order:
 * assets → identify → secure → refuse odd methods → compress pages → parse → session → session timeout → staff identity → CSRF → language →
 * routes → not found → errors. Nothing else registers middleware.
 */
export function createApp(deps: AppDeps, extra: { routes?: Router[] } = {}): Express {
  const { config, logger, db, sessionStore } = deps
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', config.trustProxy)
  app.set('query parser', parseQuery)
  const rendering = createRendering(app, config)

  // Assets first: a stylesheet, script, font or image needs none of the document headers
  // (CSP, HSTS, framing…), which would cost ~650 bytes on each of a first visit's requests.
  app.use(rendering.assets)
  app.use(requestContext(logger))
  app.use(cspNonce)
  app.use(securityHeaders(config.env === 'production'))
  app.use(healthRoutes(db, deps.pingSessions))
  app.use(onlyFormMethods)
  app.use(noStore)
  app.use(rendering.pages)
  app.use(formBody())
  app.use(sessions(config, sessionStore, deps.clock))
  app.use(sessionTimeout(config, deps.clock))
  // Who is signed in, read from the store: a disabled or signed-out-everywhere session ends here.
  app.use(currentStaff(deps))
  // The token function first: the 403 page after a failed check renders forms too.
  const csrf = { secret: config.sessionSecret, production: config.env === 'production' }
  app.use(csrfTokenLocal(csrf))
  app.use(csrfProtection(deps.securityEvents, csrf))
  app.use(locale(csrf))
  app.use(assistedContext(config))

  // Every staff route is under /staff; other pages need not walk past them (see only-under.ts).
  app.use(onlyUnder('/staff', staffRoutes(deps)))
  app.use(startRoutes())
  app.use(triageRoutes(deps.clock, deps.insights))
  app.use(keepEmailRoutes(deps))
  app.use(keptPlanRoutes(deps))
  app.use(reminderStopRoutes(deps))
  app.use(infoPageRoutes(config.retention))
  app.use(feedbackRoutes(deps))
  app.use(performanceRoutes(deps))
  app.use(sessionRoutes(deps))
  app.use(accessibilityRoutes(config))
  app.use(applicationRoutes(deps))
  app.use(submissionsApi(deps))
  // Only the benchmark passes extra routes (its stack-ceiling page, bench/ceiling-server.mjs).
  for (const router of extra.routes ?? []) app.use(router)

  app.use(notFound)
  app.use(errorHandler(logger))
  return app
}

import { Router } from 'express'
import { knownIssues, STATEMENT_DATES } from '../../a11y/statement'
import type { RetentionPolicy } from '../../retention/policy'

/**
 * The pages every GOV.UK service links from its footer. Their copy is in the `info`
 * locale namespace; the templates only arrange it.
 */
export function infoPageRoutes(retention: RetentionPolicy): Router {
  const router = Router()
  for (const page of ['cookies', 'contact'] as const) {
    router.get(`/${page}`, (_req, res) => {
      res.render('pages/content.njk', { copy: `info.${page}` })
    })
  }
  // The retention figures come from configuration: the page says what the purge does.
  router.get('/privacy', (_req, res) => {
    res.render('pages/content.njk', { copy: 'info.privacy', copyParams: { ...retention } })
  })
  router.get('/accessibility-statement', (_req, res) => {
    const locale = res.locals.locale
    res.render('pages/accessibility-statement.njk', { knownIssues: knownIssues(locale), dates: STATEMENT_DATES })
  })
  return router
}

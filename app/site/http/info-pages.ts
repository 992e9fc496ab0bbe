import { Router } from 'express'
import { knownIssues, STATEMENT_DATES } from '../../a11y/statement'

/**
 * The pages every GOV.UK service links from its footer. Their copy is in the `info`
 * locale namespace; the templates only arrange it.
 */
export function infoPageRoutes(): Router {
  const router = Router()
  for (const page of ['cookies', 'privacy', 'contact'] as const) {
    router.get(`/${page}`, (_req, res) => {
      res.render('pages/content.njk', { copy: `info.${page}` })
    })
  }
  router.get('/accessibility-statement', (_req, res) => {
    const locale = res.locals.locale
    res.render('pages/accessibility-statement.njk', { knownIssues: knownIssues(locale), dates: STATEMENT_DATES })
  })
  return router
}

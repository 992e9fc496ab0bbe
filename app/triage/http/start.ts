import { Router } from 'express'
import { z } from 'zod'
import { CATALOGUE } from '../../catalogue'
import { keys } from '../copy-keys'
import { searchOutcomes } from '../search'
import { outcomeUrl } from '../urls'

const query = z.object({ q: z.string().trim().max(100).optional().catch(undefined) })

/**
 * "What do you want to do?": the outcomes in the citizen's words, filtered by a plain GET
 * search that works without JavaScript. The words people use for each outcome are data
 * (search-synonyms.json).
 */
export function startRoutes(): Router {
  const router = Router()
  router.get('/', (req, res) => {
    const t = res.locals.t
    const q = query.parse(req.query).q || undefined
    const all = CATALOGUE.outcomes.map((o) => o.id)
    const found = q === undefined ? all : searchOutcomes(CATALOGUE, q, t)
    // With no match the citizen still sees every outcome, under a "no results" message.
    const ids = found.length > 0 ? found : all
    const outcomes = ids.map((id) => ({
      href: outcomeUrl(id),
      title: t(keys.outcome(id).title),
      description: t(keys.outcome(id).description),
    }))
    res.render('triage/start.njk', {
      pageTitle: t('triage.start.title'),
      query: q,
      outcomes,
      noResults: found.length === 0,
      // Where the portal has nothing, GOV.UK's own search may: the citizen's words, nothing else.
      govukSearchHref: q === undefined ? undefined : `https://www.gov.uk/search/all?keywords=${encodeURIComponent(q)}`,
    })
  })
  return router
}

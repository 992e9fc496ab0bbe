import { Router } from 'express'

/** The start page. Its outcome list arrives with the triage engine. */
export function startRoutes(): Router {
  const router = Router()
  router.get('/', (_req, res) => {
    res.render('pages/start.njk')
  })
  return router
}

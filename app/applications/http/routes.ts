import { Router } from 'express'
import type { AppDeps } from '../../deps'
import { flowRoutes } from './routes-flow'
import { saveReturnRoutes } from './routes-save'
import { resumeRoutes } from './routes-resume'
import { addAnotherRoutes } from './routes-add-another'
import { questionPageRoutes } from './routes-pages'

/**
 * Everything under /apply. Order matters only for fixed paths: resume, task list, check
 * answers and the other frame pages come before the `/:page` question routes.
 */
export function applicationRoutes(deps: AppDeps): Router {
  const router = Router()
  router.use(resumeRoutes(deps))
  router.use(saveReturnRoutes(deps))
  router.use(flowRoutes(deps))
  router.use(addAnotherRoutes(deps))
  router.use(questionPageRoutes(deps))
  return router
}

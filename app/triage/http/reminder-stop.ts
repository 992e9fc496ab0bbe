import { Router, type Request } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import { readInput } from '../../request-input'
import { stopReminders } from '../service/reminders'
import { REMINDERS_STOPPED_URL, stopRemindersUrl } from '../urls'

/** A malformed link reads as no token, which is "not found". */
const tokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional()
    .catch(undefined),
})
const tokenOf = (req: Request) => readInput(tokenParams, req.params).token

/**
 * The stop link in every deadline reminder. Opening it (GET) only asks, with one button;
 * pressing it (POST, with the form's CSRF token) stops. A GET that stopped would be set off by
 * the link checkers of mail services and by browsers preloading links, stopping reminders no
 * one asked to stop. Any well-formed link gets the same pages, stopped or not, real or not:
 * nothing here tells anyone whether a link was real.
 */
export function reminderStopRoutes(deps: AppDeps): Router {
  const router = Router()

  router.get(REMINDERS_STOPPED_URL, (_req, res) => {
    const t = res.locals.t
    res.render('triage/reminders-stopped.njk', { pageTitle: t('triage.reminders.stoppedTitle') })
  })

  router.get('/reminders/stop/:token', (req, res, next) => {
    const token = tokenOf(req)
    if (!token) return next()
    const t = res.locals.t
    res.render('triage/reminders-stop.njk', {
      pageTitle: t('triage.reminders.stopTitle'),
      action: stopRemindersUrl(token),
    })
  })

  router.post('/reminders/stop/:token', async (req, res, next) => {
    const token = tokenOf(req)
    if (!token) return next()
    await stopReminders(deps.db, token)
    res.redirect(303, REMINDERS_STOPPED_URL)
  })

  return router
}

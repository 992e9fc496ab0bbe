import { Router } from 'express'
import type { AppDeps } from '../../deps'
import { linkTokenOf } from './link-token-param'
import { stopReminders } from '../service/reminders'
import { REMINDERS_STOPPED_URL, stopRemindersUrl } from '../urls'

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
    const token = linkTokenOf(req)
    if (!token) return next()
    const t = res.locals.t
    res.render('triage/reminders-stop.njk', {
      pageTitle: t('triage.reminders.stopTitle'),
      action: stopRemindersUrl(token),
    })
  })

  router.post('/reminders/stop/:token', async (req, res, next) => {
    const token = linkTokenOf(req)
    if (!token) return next()
    await stopReminders(deps.db, token)
    res.redirect(303, REMINDERS_STOPPED_URL)
  })

  return router
}

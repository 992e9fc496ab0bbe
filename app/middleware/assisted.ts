import type { RequestHandler } from 'express'
import type { Config } from '../config'
import { idleMinutesFor } from '../timeout/idle-limit'

/**
 * Assisted digital context for templates. `assisted` drives the "on behalf of" banner and
 * turns off autocomplete on fields that hold the citizen's data, so a shared computer never
 * offers the last citizen's (or the adviser's own) details.
 * Staff sessions get a shorter idle limit: the cookie (and the stored session) expire
 * after `staffIdleMinutes` without a request, instead of the citizen's limit.
 */
export function assistedContext(config: Config): RequestHandler {
  return (req, res, next) => {
    const staff = req.session.staff
    if (staff) req.session.cookie.maxAge = idleMinutesFor(config, req.session) * 60 * 1000
    const assisted = req.session.assisted
    res.locals.staff = staff ? { email: staff.email, role: staff.role } : undefined
    res.locals.assisted = assisted
      ? { channel: assisted.channel, label: assisted.label ?? '', inCase: Boolean(assisted.caseId) }
      : undefined
    next()
  }
}

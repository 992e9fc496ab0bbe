import type { Request, RequestHandler } from 'express'
import type { Config } from '../config'
import { HttpError } from '../middleware/http-error'

/**
 * The staff area owns `req.session.staff`; its exact shape lands with that area, so it is
 * read defensively here: a role string or a list of roles.
 */
function staffRoles(req: Request): string[] {
  const staff = (req.session as unknown as { staff?: { role?: unknown; roles?: unknown } }).staff
  if (!staff) return []
  if (Array.isArray(staff.roles)) return staff.roles.filter((r): r is string => typeof r === 'string')
  return typeof staff.role === 'string' ? [staff.role] : []
}

export function canAudit(config: Config, req: Request): boolean {
  return config.env !== 'production' || staffRoles(req).includes('auditor')
}

/**
 * Auditor tools are open outside production; in production only to signed-in staff with the
 * `auditor` role. Everyone else gets "Page not found", so the tools are not advertised.
 */
export function auditorsOnly(config: Config): RequestHandler {
  return (req, _res, next) => (canAudit(config, req) ? next() : next(new HttpError(404, 'not-found')))
}

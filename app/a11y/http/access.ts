import type { Request, RequestHandler } from 'express'
import type { Config } from '../../config'
import { HttpError } from '../../middleware/http-error'

/** Roles that may use the auditors' tools in production: auditors, and admins who may do everything. */
const AUDITING_ROLES: readonly string[] = ['auditor', 'admin']

export function canAudit(config: Config, req: Request): boolean {
  const role = req.session.staff?.role
  return config.env !== 'production' || (role !== undefined && AUDITING_ROLES.includes(role))
}

/**
 * Auditor tools are open outside production; in production only to signed-in staff with the
 * `auditor` role (or `admin`). Everyone else gets "Page not found", so the tools are not advertised.
 */
export function auditorsOnly(config: Config): RequestHandler {
  return (req, _res, next) => (canAudit(config, req) ? next() : next(new HttpError(404, 'not-found')))
}

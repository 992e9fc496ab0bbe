import type { RequestHandler } from 'express'

/**
 * An area's router, entered only for addresses at or under its prefix. Express tries each
 * route of each router in turn, so every citizen's page view otherwise walked past all of
 * the staff area's routes (about twenty layers, each a path match) on its way to its own.
 * Only for an area whose every route and middleware is under the prefix. Case-insensitive,
 * as Express's own routing is, so `/STAFF/audit` still reaches the staff area.
 */
export function onlyUnder(prefix: string, router: RequestHandler): RequestHandler {
  const under = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/|$)`, 'i')
  return (req, res, next) => (under.test(req.path) ? router(req, res, next) : next())
}

import type { RequestHandler } from 'express'
import { HttpError } from './http-error'

const allowed = new Set(['GET', 'HEAD', 'POST'])

/** The portal is HTML forms: anything but GET, HEAD and POST is refused with 405. */
export const onlyFormMethods: RequestHandler = (req, res, next) => {
  if (allowed.has(req.method)) return next()
  res.setHeader('Allow', 'GET, HEAD, POST')
  next(new HttpError(405, 'method-not-allowed'))
}

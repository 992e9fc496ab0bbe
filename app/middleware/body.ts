import querystring from 'node:querystring'
import { getHeapStatistics } from 'node:v8'
import express, { type RequestHandler } from 'express'
import { HttpError } from './http-error'

type Values = Record<string, unknown>

/**
 * What a browser sends, read as text a person could have typed: a NUL (U+0000) becomes
 * U+FFFD, as an HTML parser reads a NUL in text. Nobody can type one, but anyone can send
 * one, and PostgreSQL refuses a NUL in text outright — a form field or query holding one
 * that reached a query was a 500 on the several-instances deployment (SQLite stores it).
 */
function asTypedText(values: Values): Values {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') values[name] = value.replaceAll('\u0000', '\uFFFD')
    else if (Array.isArray(value))
      values[name] = value.map((v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '\uFFFD') : v))
  }
  return values
}

/** The largest form body read; a longer one answers 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024

const urlencoded = express.urlencoded({ extended: false, limit: BODY_LIMIT_BYTES, parameterLimit: 1000 })

/**
 * Bodies being read at once may hold at most a quarter of the V8 heap's limit (which is
 * sized from the container's memory: see the start script), and never more than 64 MB: a
 * burst of slow clients each sending a 1 MB body would otherwise hold all of them in
 * memory at once, and a process out of memory is an outage for everyone. A form is a few
 * KB; only such a burst meets the bound.
 */
export function defaultBodyBudget(heapLimit = getHeapStatistics().heap_size_limit): number {
  return Math.min(64 * 1024 * 1024, Math.floor(heapLimit / 4))
}

/**
 * Forms post urlencoded bodies only. `extended: false` parses flat keys and repeated keys
 * into arrays and never builds nested objects, so `__proto__[x]=` cannot reach a prototype.
 * Over 1 MB answers 413; a malformed body answers 400 (both through the error handler).
 *
 * Each body is counted against `budgetBytes` while it is read — its declared length, or the
 * limit when it declares none. One that does not fit is not read: 503 with Retry-After (the
 * "try again later" page), and the connection is closed so its bytes are not waited for.
 */
export function formBody(budgetBytes = defaultBodyBudget()): RequestHandler {
  let reading = 0
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'])
    const hasBody = req.headers['transfer-encoding'] !== undefined || declared > 0
    const bytes = !hasBody ? 0 : Number.isFinite(declared) ? Math.min(declared, BODY_LIMIT_BYTES) : BODY_LIMIT_BYTES
    if (bytes > 0 && reading + bytes > budgetBytes) {
      res.setHeader('Connection', 'close')
      return next(new HttpError(503, 'problem'))
    }
    reading += bytes
    let released = false
    const release = () => {
      if (!released) reading -= bytes
      released = true
    }
    res.once('close', release)
    urlencoded(req, res, (error?: unknown) => {
      release()
      if (!error && req.body && typeof req.body === 'object') asTypedText(req.body as Values)
      next(error)
    })
  }
}

/** Express's "simple" query parser (flat keys, repeats as arrays), read as typed text too. */
export function parseQuery(query: string): Values {
  return asTypedText(querystring.parse(query))
}

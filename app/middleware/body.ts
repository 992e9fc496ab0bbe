import querystring from 'node:querystring'
import express, { type RequestHandler } from 'express'

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

const urlencoded = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 1000 })

/**
 * Forms post urlencoded bodies only. `extended: false` parses flat keys and repeated keys
 * into arrays and never builds nested objects, so `__proto__[x]=` cannot reach a prototype.
 * Over 1 MB answers 413; a malformed body answers 400 (both through the error handler).
 */
export const formBody: RequestHandler = (req, res, next) => {
  urlencoded(req, res, (error?: unknown) => {
    if (!error && req.body && typeof req.body === 'object') asTypedText(req.body as Values)
    next(error)
  })
}

/** Express's "simple" query parser (flat keys, repeats as arrays), read as typed text too. */
export function parseQuery(query: string): Values {
  return asTypedText(querystring.parse(query))
}

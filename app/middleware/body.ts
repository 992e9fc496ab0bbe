import express, { type RequestHandler } from 'express'

/**
 * Forms post urlencoded bodies only. `extended: false` parses flat keys and repeated keys
 * into arrays and never builds nested objects, so `__proto__[x]=` cannot reach a prototype.
 * Over 1 MB answers 413; a malformed body answers 400 (both through the error handler).
 */
export const formBody: RequestHandler = express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 1000 })

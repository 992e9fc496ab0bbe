import type { Request } from 'express'

/** A single string from a parsed urlencoded body; anything else (arrays, absent) is ''. */
export function field(req: Request, name: string, max = 256): string {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {}
  const value = body[name]
  return typeof value === 'string' ? value.trim().slice(0, max) : ''
}

export interface ErrorItem {
  text: string
  href: string
}

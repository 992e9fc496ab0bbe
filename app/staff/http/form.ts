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

/**
 * A secret exactly as typed (passwords, codes): no trimming, so a password with a space at
 * either end is checked as the person set it. Longer than `max` is cut to `max + 1`, enough
 * for the caller to refuse it as too long without holding an unbounded string.
 */
export function rawField(req: Request, name: string, max = 256): string {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {}
  const value = body[name]
  return typeof value === 'string' ? value.slice(0, max + 1) : ''
}

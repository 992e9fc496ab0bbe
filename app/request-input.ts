import { z } from 'zod'

/**
 * The one way HTTP code reads a request's body or query: a zod object schema, so only the
 * names it lists are read and every other key is dropped. The fields below never fail: a
 * value that is missing, repeated (`?a=1&a=2` reads as a list) or forged reads as undefined,
 * which each route treats as "nothing chosen".
 */

/** A value that must be one of `values`. */
export const oneOf = <const T extends string>(...values: readonly T[]) =>
  z
    .enum(values as readonly [T, ...T[]])
    .optional()
    .catch(undefined)

/** Reads `value` (req.body, or req.query) with `schema`; a body that is not an object reads as empty. */
export function readInput<T>(schema: z.ZodType<T>, value: unknown): T {
  return schema.parse(value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {})
}

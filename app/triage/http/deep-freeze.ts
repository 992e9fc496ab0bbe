/**
 * Freezes a view and everything in it, so a view kept between requests cannot be changed by
 * one request for another, and the render cache can key it once (app/views/render-cache.ts).
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

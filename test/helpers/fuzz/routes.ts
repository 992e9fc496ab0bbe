import type { Express } from 'express'

/** One route the app registered: its method, its pattern, and a matcher for concrete paths. */
export interface AppRoute {
  method: string
  pattern: string
  matches(path: string): boolean
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> }
  handle?: { stack?: Layer[] }
  match(path: string): boolean
}

/**
 * Every route of the running app, read from Express's own router (nested routers
 * included), so the list cannot drift from the code: a route added tomorrow is in it.
 */
export function appRoutes(app: Express): AppRoute[] {
  const routes: AppRoute[] = []
  const walk = (stack: readonly Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          routes.push({ method, pattern: layer.route.path, matches: (path) => layer.match(path) })
      } else if (layer.handle?.stack) walk(layer.handle.stack)
    }
  }
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack)
  return routes
}

export const pathOf = (url: string): string => new URL(url, 'http://portal.invalid').pathname

import path from 'node:path'
import type nunjucks from 'nunjucks'
import { RenderCache } from './render-cache'

type Callback = (error: Error | null, html?: string) => void

/**
 * Express's view class for `.njk` names, the same name resolution as Nunjucks' own
 * (`app.set('view', …)`), rendering through the render cache.
 */
export function cachedViewClass(env: nunjucks.Environment, cache = new RenderCache((n, c) => env.render(n, c))) {
  return class CachedView {
    readonly name: string
    readonly path: string
    readonly ext: string

    constructor(name: string, opts: { defaultEngine?: string }) {
      let ext = path.extname(name)
      if (!ext && !opts.defaultEngine) throw new Error('No default engine was specified and no extension was provided.')
      if (!ext && opts.defaultEngine) {
        ext = (opts.defaultEngine.startsWith('.') ? '' : '.') + opts.defaultEngine
        name += ext
      }
      this.name = name
      this.path = name
      this.ext = ext
    }

    render(options: Record<string, unknown>, callback: Callback): void {
      let html: string
      try {
        html = cache.render(this.name, options)
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)))
        return
      }
      callback(null, html)
    }

    static readonly cache = cache
  }
}

import path from 'node:path'
import type nunjucks from 'nunjucks'
import { RenderCache, type Rendered } from './render-cache'

type Callback = (error: Error | null, html?: string) => void

/**
 * The last page rendered for a response, keyed by that response's `res.locals` (Express
 * passes it to the view as `_locals`), so the compression middleware can send its gzip
 * body without compressing it again. Weak: it goes when the response does.
 */
const renderedFor = new WeakMap<object, Rendered>()

/** The cached rendering of `body` for this response, if that is what is being sent. */
export function renderedPage(locals: object, body: string): Rendered | undefined {
  const rendered = renderedFor.get(locals)
  return rendered && rendered.html === body ? rendered : undefined
}

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
      let rendered: Rendered
      try {
        rendered = cache.render(this.name, options)
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)))
        return
      }
      const locals = options._locals
      if (rendered.gzip && locals && typeof locals === 'object') renderedFor.set(locals, rendered)
      callback(null, rendered.html)
    }

    static readonly cache = cache
  }
}

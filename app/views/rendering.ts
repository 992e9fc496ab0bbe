import type { Express, RequestHandler } from 'express'
import type { Config } from '../config'
import { compressHtml } from './compression'
import { createViewEnvironment } from './environment'
import { buildPageDictionaries } from './page-dictionary'
import { staticAssets } from './static-assets'

/**
 * How pages and assets become bytes on the wire: the one interface of app/views, and the only
 * thing outside it that the app sees (a dependency rule keeps it so). Routes call
 * `res.render(name, view)` and nothing else; whether that page comes from the render cache,
 * how it is compressed (Brotli, gzip, or `dcz` against the page dictionary) and which
 * assets exist are decided here, so no area, service or middleware carries a contract for
 * any of it.
 */
export interface Rendering {
  /** Built assets and the page dictionaries, from memory and pre-compressed: mounted before everything else. */
  readonly assets: RequestHandler
  /** Sends every HTML page in the best encoding the browser accepts: mounted before the routes. */
  readonly pages: RequestHandler
}

/** Sets up rendering for `app` (its Nunjucks environment and view class) and returns the two handlers. */
export function createRendering(app: Express, config: Config): Rendering {
  const env = createViewEnvironment(config, app)
  const dictionaries = buildPageDictionaries(env, config)
  env.addGlobal('pageDictionaryUrls', dictionaries.urls())
  return {
    assets: staticAssets(undefined, dictionaries.assets(), config.env === 'production'),
    pages: compressHtml(dictionaries),
  }
}

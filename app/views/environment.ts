import type { Express } from 'express'
import nunjucks from 'nunjucks'
import type { Config } from '../config'
import { GOVUK_FRONTEND_DIR, VIEWS_DIR } from '../paths'
import { formatDate, formatMoney, formatNumber } from '../i18n/format'
import { isLocale } from '../i18n/locales'
import { assetUrls } from './assets'
import { cachedViewClass } from './cached-view'
import { precompileTemplates } from './precompile'
import { linearTrim } from './trim'

/**
 * One Nunjucks environment for the process. In production every template is compiled at
 * start-up (elsewhere on first use, which keeps test start-up short); globals hold what is
 * the same for every request (brand, asset URLs). Express renders through the render
 * cache (see render-cache.ts), which returns byte-identical pages, unless `config.renderCache`
 * is off (then through Nunjucks itself: what the benchmark compares it with).
 */
export function createViewEnvironment(config: Config, app?: Express): nunjucks.Environment {
  const env = nunjucks.configure([VIEWS_DIR, GOVUK_FRONTEND_DIR], {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
    noCache: false,
    ...(app ? { express: app } : {}),
  })
  env.addFilter('trim', linearTrim)
  const localeOf = (value: unknown) => (isLocale(value) ? value : 'en')
  env.addFilter('date', function (this: { ctx: { locale?: string } }, value: Date | string) {
    return formatDate(value, localeOf(this.ctx.locale))
  })
  env.addFilter('money', function (this: { ctx: { locale?: string } }, value: number) {
    return formatMoney(value, localeOf(this.ctx.locale))
  })
  env.addFilter('number', function (this: { ctx: { locale?: string } }, value: number) {
    return formatNumber(value, localeOf(this.ctx.locale))
  })
  const asset = assetUrls()
  env.addGlobal('asset', asset)
  env.addGlobal('brand', config.brand)
  env.addGlobal('brandNames', { en: config.brandName, cy: config.brandNameCy })
  env.addGlobal('brandUrl', config.brandUrl)
  env.addGlobal('feedbackUrl', config.feedbackUrl)
  env.addGlobal('stylesheet', asset(`css/${config.brand}.css`))
  env.addGlobal('mainScript', asset('js/main.mjs'))
  env.addGlobal('assetPath', '/assets')
  if (config.env === 'production') precompileTemplates(env, VIEWS_DIR, GOVUK_FRONTEND_DIR)
  if (app) {
    app.set('views', [VIEWS_DIR, GOVUK_FRONTEND_DIR])
    app.set('view engine', 'njk')
    if (config.renderCache) app.set('view', cachedViewClass(env))
  }
  return env
}

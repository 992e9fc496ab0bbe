import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import type { Browser } from 'playwright-core'
import type { PageState } from '../../../app/a11y/page-state'
import { loadConfig } from '../../../app/config'
import { translator } from '../../../app/i18n/translate'
import { staticAssets } from '../../../app/middleware/static-assets'
import { createViewEnvironment } from '../../../app/views/environment'
import { walk, type Finding } from '../../helpers/a11y/walker'
import { chromiumAvailable, launchChromium, serve } from '../../helpers/browser'

const run = chromiumAvailable() ? describe : describe.skip
const template = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'a11y', 'labelled-field.njk'), 'utf8')

/**
 * A fixture server with the portal's own layout and stylesheet: `/fixture/good` is a
 * labelled field; `/fixture/broken` is the same page with the label taken away.
 */
function fixtureApp() {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'a11y-fixture-')) })
  const env = createViewEnvironment(config)
  const app = express()
  app.use(staticAssets())
  // The walker parks its pages on /health between states, as on the portal.
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' })
  })
  app.get('/fixture/:variant', (req, res) => {
    const html = env.renderString(template, {
      t: translator('en'),
      locale: 'en',
      htmlLang: 'en',
      languageToggle: { otherHref: '?lang=cy' },
      cspNonce: 'fixture',
      csrfToken: () => 'fixture',
    })
    res.type('html').send(req.params.variant === 'broken' ? html.replace(/<label\b[^>]*>[\s\S]*?<\/label>/, '') : html)
  })
  return app
}

const state = (variant: string): PageState => ({
  id: `fixture/${variant}`,
  journey: `fixture/${variant}`,
  description: `Fixture: ${variant}`,
  steps: [{ get: `/fixture/${variant}` }],
  expectStatus: 200,
})

run('the accessibility walker', () => {
  let server: Awaited<ReturnType<typeof serve>>
  let browser: Browser
  let findings: Record<string, Finding[]>

  beforeAll(async () => {
    server = await serve(fixtureApp())
    browser = await launchChromium()
    const summary = await walk({
      browser,
      origin: server.origin,
      states: [state('good'), state('broken')],
      languages: ['en'],
      exemptions: [],
    })
    findings = Object.fromEntries(summary.results.map((r) => [r.id, r.findings]))
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('passes a page whose field has its label', () => {
    expect(findings['fixture/good']).toEqual([])
  })

  it('fails the same page when the label is broken, with JavaScript on and off', () => {
    const broken = findings['fixture/broken'] ?? []
    expect(broken).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ check: 'axe', rule: 'label' }),
        expect.objectContaining({ check: 'axe-no-js', rule: 'label' }),
      ]),
    )
  })
})

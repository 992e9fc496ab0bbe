import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import type { Browser } from 'playwright-core'
import type { PageState } from '../../../app/a11y/page-state'
import { loadConfig } from '../../../app/config'
import { translator } from '../../../app/i18n/translate'
import { staticAssets } from '../../../app/views/static-assets'
import { createViewEnvironment } from '../../../app/views/environment'
import { walk, type Finding } from '../../helpers/a11y/walker'
import { chromiumAvailable, launchChromium, serve } from '../../helpers/browser'

const run = chromiumAvailable() ? describe : describe.skip
const template = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'a11y', 'labelled-field.njk'), 'utf8')

/**
 * A fixture server with the portal's own layout and stylesheet: `/fixture/good` is a
 * labelled field for the citizen's name; `/fixture/broken` is the same page with the label
 * taken away, and the `autocomplete-*` variants with its `autocomplete="name"` removed or wrong.
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
    const variants: Record<string, (page: string) => string> = {
      broken: (page) => page.replace(/<label\b[^>]*>[\s\S]*?<\/label>/, ''),
      'autocomplete-removed': (page) => page.replace(/ autocomplete="name"/, ''),
      'autocomplete-wrong': (page) => page.replace(/ autocomplete="name"/, ' autocomplete="off"'),
    }
    res.type('html').send((variants[req.params.variant] ?? ((page: string) => page))(html))
  })
  return app
}

const state = (variant: string): PageState => ({
  id: `fixture/${variant}`,
  journey: `fixture/${variant}`,
  description: `Fixture: ${variant}`,
  steps: [{ get: `/fixture/${variant}` }],
  expectStatus: 200,
  personalFields: { fullName: 'name' },
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
      states: ['good', 'broken', 'autocomplete-removed', 'autocomplete-wrong'].map(state),
      languages: ['en'],
      exemptions: [],
    })
    findings = Object.fromEntries(summary.results.map((r) => [r.id, r.findings]))
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('passes a page whose field has its label and its autocomplete token', () => {
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

  it('fails a page whose personal field lost its autocomplete token, or carries the wrong one', () => {
    expect(findings['fixture/autocomplete-removed']).toEqual([
      expect.objectContaining({
        check: 'structure',
        rule: 'autocomplete',
        targets: ['fullName: expected name (found none)'],
      }),
    ])
    expect(findings['fixture/autocomplete-wrong']).toEqual([
      expect.objectContaining({
        check: 'structure',
        rule: 'autocomplete',
        targets: ['fullName: expected name (found off)'],
      }),
    ])
  })

  it('fails a state that declares a personal field the page does not have', async () => {
    const summary = await walk({
      browser,
      origin: server.origin,
      states: [{ ...state('good'), id: 'fixture/renamed', personalFields: { name: 'name' } }],
      languages: ['en'],
      exemptions: [],
    })
    expect(summary.results[0]?.findings).toEqual([
      expect.objectContaining({ rule: 'autocomplete', targets: ['name: expected name (not on the page)'] }),
    ])
  }, 60_000)
})

import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { compress } from '../../../app/middleware/compression'
import { PUBLIC_DIR } from '../../../app/paths'
import { pageStates } from '../../../app/triage/page-states'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

/**
 * Bytes do not vary with machine load, so the page-weight budgets are checked here on
 * every run (the browser figures, headers included, are in `npm run bench`). Assets are
 * counted as the browser receives them: Brotli where the build made one, fonts as WOFF2.
 */
const KB = 1024
const manifest = JSON.parse(fs.readFileSync(path.join(PUBLIC_DIR, 'asset-manifest.json'), 'utf8')) as Record<
  string,
  string
>
function sent(file: string): number {
  const full = path.join(PUBLIC_DIR, file)
  return fs.existsSync(`${full}.br`) ? fs.statSync(`${full}.br`).size : fs.statSync(full).size
}
const fonts = fs
  .readdirSync(path.join(PUBLIC_DIR, 'fonts'))
  .filter((f) => f.endsWith('.woff2'))
  .map((f) => `fonts/${f}`)

let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
})
afterAll(() => testApp.close())

/** Each page state's HTML as the portal sends it to a browser (gzip for a page from the render cache). */
async function htmlBytes(steps: ReturnType<typeof pageStates>[number]['steps']) {
  const browser = new Browserish(testApp.app)
  let res
  for (const step of steps) res = 'get' in step ? await browser.get(step.get) : await browser.post(step.post, step.form)
  const html = Buffer.from(res?.text ?? '', 'utf8')
  return { gzip: zlib.gzipSync(html, { level: 9 }).length, br: compress(html, 'br').length }
}

describe('page weight budgets', () => {
  const states = pageStates()

  it('keep every further page (question, error, plan) under 6 KB of compressed HTML', async () => {
    const sizes: number[] = []
    for (const state of states) {
      const { gzip, br } = await htmlBytes(state.steps)
      sizes.push(Math.max(gzip, br))
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6 * KB)
  })

  it('keep the first visit to a question page under 40 KB with the organisation brand (Arial, no images)', async () => {
    const first = states.find((s) => s.steps.length === 1 && s.expectStatus === 200)
    const html = await htmlBytes(first?.steps ?? [])
    const assets = ['css/organisation.css', 'js/govuk-frontend.mjs', 'js/main.mjs'].map((a) => sent(manifest[a] ?? a))
    const total = Math.max(html.gzip, html.br) + assets.reduce((s, n) => s + n, 0)
    expect(total).toBeLessThanOrEqual(40 * KB)
  })

  it('keep the first visit to a question page under 100 KB with the GOV.UK brand, fonts included', async () => {
    const first = states.find((s) => s.steps.length === 1 && s.expectStatus === 200)
    const html = await htmlBytes(first?.steps ?? [])
    const assets = ['css/govuk.css', 'js/govuk-frontend.mjs', 'js/main.mjs'].map((a) => sent(manifest[a] ?? a))
    const total = Math.max(html.gzip, html.br) + [...assets, ...fonts.map(sent)].reduce((s, n) => s + n, 0)
    expect(fonts).toHaveLength(2)
    expect(total).toBeLessThanOrEqual(100 * KB)
  })

  it('send no web font and no crest image with the organisation brand', () => {
    const css = fs.readFileSync(path.join(PUBLIC_DIR, manifest['css/organisation.css'] ?? ''), 'utf8')
    expect(css).not.toMatch(/\.woff2?/)
    // The crest is only fetched for a box that is displayed; the brand never displays it.
    expect(css).toContain('.govuk-footer__copyright-logo::before{display:none}')
  })
})

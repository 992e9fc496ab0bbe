import type { Browser, BrowserContext } from 'playwright-core'
import { createTestApp, type TestApp } from '../../helpers/app'
import {
  axeViolations,
  axeViolationsWithoutJs,
  chromiumAvailable,
  launchChromium,
  newAuditContext,
  serve,
} from '../../helpers/browser'

const pages = ['/', '/cookies', '/accessibility-statement', '/privacy', '/contact', '/no-such-page']
const run = chromiumAvailable() ? describe : describe.skip

run('foundation pages in Chromium', () => {
  let t: TestApp
  let server: Awaited<ReturnType<typeof serve>>
  let browser: Browser
  let context: BrowserContext

  beforeAll(async () => {
    t = await createTestApp()
    server = await serve(t.app)
    browser = await launchChromium()
    context = await newAuditContext(browser)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await t?.close()
  })

  for (const lang of ['en', 'cy'] as const) {
    for (const path of pages) {
      it(`${path} in ${lang} has no axe-core violations with JavaScript on or off`, async () => {
        const url = `${server.origin}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`
        const page = await context.newPage()
        const response = await page.goto(url)
        expect(await page.getAttribute('html', 'lang')).toBe(lang)
        expect(await page.locator('body.js-enabled').count()).toBe(1)
        expect(await axeViolations(page)).toEqual([])
        const html = (await response?.text()) ?? ''
        await page.close()
        expect(await axeViolationsWithoutJs(context, url, html)).toEqual([])
      })
    }
  }

  it('shows no crown, royal arms or Crown copyright under an organisation brand', async () => {
    const page = await context.newPage()
    await page.goto(`${server.origin}/cookies?lang=en`)
    expect(await page.locator('.govuk-footer__copyright-logo').isVisible()).toBe(false)
    expect(await page.locator('.govuk-footer__crown').isVisible()).toBe(false)
    expect(await page.locator('.govuk-footer__meta-custom').innerText()).toContain('Citizen portal')
    await page.close()
  })

  it('fails when a page is made inaccessible (the check can fail)', async () => {
    const url = `${server.origin}/cookies`
    const page = await context.newPage()
    const response = await page.goto(url)
    const broken = ((await response?.text()) ?? '').replace(/<html lang="[a-z]+"/, '<html')
    await page.close()
    const found = await axeViolationsWithoutJs(context, url, broken)
    expect(found.map((v) => v.id)).toContain('html-has-lang')
  })
})

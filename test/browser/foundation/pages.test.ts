import type { BrowserContext } from 'playwright-core'
import { createTestApp } from '../../helpers/app'
import { axeViolations, axeViolationsWithoutJs, chromiumAvailable, newAuditContext } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'

const pages = ['/', '/cookies', '/accessibility-statement', '/privacy', '/contact', '/no-such-page']
const run = chromiumAvailable() ? describe : describe.skip

run('foundation pages in Chromium', () => {
  const suite = servedInChromium(() => createTestApp())
  let context: BrowserContext

  beforeAll(async () => {
    context = await newAuditContext(suite.browser)
  })

  for (const lang of ['en', 'cy'] as const) {
    for (const path of pages) {
      it(`${path} in ${lang} has no axe-core violations with JavaScript on or off`, async () => {
        const url = `${suite.origin}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`
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
    await page.goto(`${suite.origin}/cookies?lang=en`)
    expect(await page.locator('.govuk-footer__copyright-logo').isVisible()).toBe(false)
    expect(await page.locator('.govuk-footer__crown').isVisible()).toBe(false)
    expect(await page.locator('.govuk-footer__meta-custom').innerText()).toContain('Citizen portal')
    await page.close()
  })

  it('fails when a page is made inaccessible (the check can fail)', async () => {
    const url = `${suite.origin}/cookies`
    const page = await context.newPage()
    const response = await page.goto(url)
    const broken = ((await response?.text()) ?? '').replace(/<html lang="[a-z]+"/, '<html')
    await page.close()
    const found = await axeViolationsWithoutJs(context, url, broken)
    expect(found.map((v) => v.id)).toContain('html-has-lang')
  })
})

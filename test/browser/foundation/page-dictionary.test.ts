import { createTestApp } from '../../helpers/app'
import { chromiumAvailable, newAuditContext } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'

const run = chromiumAvailable() ? describe : describe.skip

run('the page dictionary in Chromium', () => {
  const suite = servedInChromium(() => createTestApp())

  it('is fetched after the first page, and the next pages arrive as dcz and show as they should', async () => {
    const context = await newAuditContext(suite.browser)
    try {
      const page = await context.newPage()
      const dictionary = page.waitForResponse((r) => r.url().includes('/assets/page-dictionary-'))
      const first = await page.goto(`${suite.origin}/outcomes/work-in-care`)
      expect(first?.headers()['content-encoding']).not.toBe('dcz')
      expect((await dictionary).headers()['use-as-dictionary']).toContain('match="/*"')
      // Chromium stores the dictionary once the response is complete; give it that moment.
      await page.waitForLoadState('networkidle')
      for (let step = 0; step < 2; step++) {
        const heading = await page.locator('h1').innerText()
        await page.locator('input.govuk-radios__input').first().check()
        const [next] = await Promise.all([
          page.waitForResponse((r) => r.request().resourceType() === 'document' && r.request().method() === 'GET'),
          page.locator('button.govuk-button').first().click(),
        ])
        await page.waitForLoadState()
        expect(next.headers()['content-encoding']).toBe('dcz')
        expect(await page.locator('h1').innerText()).not.toBe(heading)
        expect(await page.locator('body.js-enabled').count()).toBe(1)
        expect(await page.locator('.govuk-footer').count()).toBe(1)
      }
    } finally {
      await context.close()
    }
  })
})

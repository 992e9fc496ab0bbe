import { createTestApp } from '../../helpers/app'
import { chromiumAvailable, newAuditContext } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'

const run = chromiumAvailable() ? describe : describe.skip

// A small phone: 320 CSS px wide, 568 tall (iPhone SE, first generation).
const PHONE = { width: 320, height: 568 }

run('the start page on a phone', () => {
  const suite = servedInChromium(() => createTestApp())

  it.each(['en', 'cy'])('shows the four outcomes before anything else on the page (%s)', async (lang) => {
    const context = await newAuditContext(suite.browser, { viewport: PHONE })
    try {
      const page = await context.newPage()
      await page.goto(`${suite.origin}/?lang=${lang}`)
      const top = (selector: string) =>
        page.locator(selector).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top + window.scrollY))
      const outcomes = await top('main a[href^="/outcomes/"]')
      expect(outcomes).toHaveLength(4)
      const [heading] = await top('main h1')
      const [search] = await top('main form[role="search"]')
      const paragraphs = await top('main p.govuk-body:not(li p)')
      // Straight after the heading: nothing between it and the first outcome, and the first
      // outcome within the first screen.
      expect(outcomes[0]).toBeGreaterThan(heading ?? 0)
      expect(outcomes[0]).toBeLessThan(PHONE.height)
      expect(paragraphs.every((y) => y > (outcomes[3] ?? 0))).toBe(true)
      expect(search).toBeGreaterThan(outcomes[3] ?? 0)
      // And nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    } finally {
      await context.close()
    }
  })
})

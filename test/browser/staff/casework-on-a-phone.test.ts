import { createTestApp } from '../../helpers/app'
import { chromiumAvailable, newAuditContext } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { createStaff, signInStaffInBrowser } from '../../helpers/staff'

const run = chromiumAvailable() ? describe : describe.skip

// A small phone: 320 CSS px wide, 568 tall (iPhone SE, first generation).
const PHONE = { width: 320, height: 568 }
/** About one line: the folded "on behalf of" banner may take no more above a question. */
const COMPACT_BANNER_MAX_PX = 60

run('an adviser on a phone', () => {
  const suite = servedInChromium(() => createTestApp())

  it('sees a one-line “on behalf of” banner above the question, with the details one press away, and signs out from the header', async () => {
    const adviser = await createStaff(suite.app, 'adviser')
    const context = await newAuditContext(suite.browser, { viewport: PHONE })
    try {
      const page = await context.newPage()
      await signInStaffInBrowser(page, suite.origin, adviser)
      const header = page.locator('header')
      await expect(header.getByText(adviser.email).isVisible()).resolves.toBe(true)

      await page.goto(`${suite.origin}/staff/start`)
      await page.getByLabel('By phone').check()
      await page.getByLabel('The citizen has agreed to me completing the form for them').check()
      await Promise.all([page.waitForURL(`${suite.origin}/`), page.getByRole('button', { name: 'Continue' }).click()])
      await page.goto(`${suite.origin}/outcomes/work-in-care`)

      const compact = page.locator('.app-assisted-compact')
      const box = await compact.boundingBox()
      const questionTop = await page.locator('main h1').evaluate((el) => el.getBoundingClientRect().top)
      expect(box).not.toBeNull()
      expect(box?.height ?? Infinity).toBeLessThanOrEqual(COMPACT_BANNER_MAX_PX)
      // The folded banner is the only thing of it displayed, and it sits above the question.
      expect(await page.locator('.app-assisted-full').isVisible()).toBe(false)
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(questionTop)
      // Nothing wider than the screen, the adviser's address in the header included.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)

      // One press shows what the banner says, and "Finish and clear".
      await compact.locator('summary').click()
      await expect(compact.getByText('on behalf of a citizen (by phone)').isVisible()).resolves.toBe(true)
      await expect(compact.getByRole('button', { name: 'Finish and clear' }).isVisible()).resolves.toBe(true)

      // On a wider screen, the full banner instead.
      await page.setViewportSize({ width: 1024, height: 768 })
      expect(await page.locator('.app-assisted-full').isVisible()).toBe(true)
      expect(await compact.isVisible()).toBe(false)

      await Promise.all([
        page.waitForURL(`${suite.origin}/staff/sign-in?signedOut=1`),
        header.getByRole('button', { name: 'Sign out' }).click(),
      ])
      expect(await page.getByText('You have signed out.').isVisible()).toBe(true)
    } finally {
      await context.close()
    }
  })
})

import type { BrowserContext, Page } from 'playwright-core'
import { createTestApp } from '../../helpers/app'
import { axeViolations, chromiumAvailable, newAuditContext } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'

const run = chromiumAvailable() ? describe : describe.skip
const question = '/outcomes/work-in-care/nation'

run('the session timeout warning in Chromium (shortened: 1 minute, warning at 57 seconds)', () => {
  const suite = servedInChromium(() => createTestApp({ SESSION_IDLE_MINUTES: '1', SESSION_WARNING_SECONDS: '57' }))
  let context: BrowserContext
  let page: Page

  beforeEach(async () => {
    context = await newAuditContext(suite.browser)
    page = await context.newPage()
    // A first visit has nothing to lose and no session to time out: answer one question first.
    await page.goto(suite.origin + question)
    await page.getByLabel('Wales', { exact: true }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL((url) => url.pathname !== question)
  })
  afterEach(() => context.close())

  const dialog = () => page.getByRole('dialog', { name: 'Do you need more time?' })

  it('opens as a modal dialog, moves focus into it and announces the time left', async () => {
    await dialog().waitFor({ state: 'visible', timeout: 15_000 })
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('session-timeout-heading')
    expect(await page.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(true)
    const live = page.locator('#session-timeout-countdown')
    expect(await live.getAttribute('aria-live')).toBe('polite')
    expect(await live.textContent()).toMatch(/We will delete your answers in (1 minute|\d+ seconds)\./)
    expect(await axeViolations(page)).toEqual([])
  })

  it('"Keep my answers" with the keyboard extends the session on the server and closes the warning', async () => {
    await dialog().waitFor({ state: 'visible', timeout: 15_000 })
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Keep my answers')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/session/extend')),
      page.keyboard.press('Enter'),
    ])
    expect(response.status()).toBe(200)
    await dialog().waitFor({ state: 'hidden' })
    expect(new URL(page.url()).pathname).toBe('/outcomes/work-in-care/who-you-support')
  })

  it('Escape keeps the session too: closing the warning never loses answers', async () => {
    await dialog().waitFor({ state: 'visible', timeout: 15_000 })
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/session/extend')),
      page.keyboard.press('Escape'),
    ])
    expect(response.status()).toBe(200)
    await dialog().waitFor({ state: 'hidden' })
  })

  it('tabs agree: using the service in another tab closes this tab’s warning and moves its deadline on', async () => {
    await dialog().waitFor({ state: 'visible', timeout: 15_000 })
    const other = await context.newPage()
    await other.goto(suite.origin + question)
    // The other tab's page load is the session's latest use: this tab's warning goes away.
    await dialog().waitFor({ state: 'hidden', timeout: 5_000 })
    expect(new URL(page.url()).pathname).toBe('/outcomes/work-in-care/who-you-support')
    await other.close()
  })

  it('"Delete my answers" ends the session and says so', async () => {
    await dialog().waitFor({ state: 'visible', timeout: 15_000 })
    const sessionId = async () => (await context.cookies()).find((c) => c.name === 'portal-session')?.value
    const before = await sessionId()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Delete my answers')
    await Promise.all([page.waitForURL(/\/session\/deleted/), page.keyboard.press('Enter')])
    expect(await page.locator('h1').textContent()).toBe('You have deleted your answers')
    // The old session is gone (a new one may hold only the chosen language).
    expect(await sessionId()).not.toBe(before)
  })
})

import type { Browser, BrowserContext } from 'playwright-core'
import { pageStates } from '../../../app/staff/page-states'
import { createTestApp, type TestApp } from '../../helpers/app'
import {
  axeViolations,
  axeViolationsWithoutJs,
  chromiumAvailable,
  launchChromium,
  newAuditContext,
  serve,
} from '../../helpers/browser'
import { createStaff, signInStaffInBrowser } from '../../helpers/staff'

const run = chromiumAvailable() ? describe : describe.skip

/**
 * Replays a state's steps with the context's own cookies (POSTs carry the CSRF token of the
 * page before, as a browser would) and returns the URL and HTML of the last response.
 */
async function reach(context: BrowserContext, origin: string, steps: ReturnType<typeof pageStates>[number]['steps']) {
  let html = ''
  let url = origin
  let status = 0
  for (const step of steps) {
    if ('get' in step) {
      const res = await context.request.get(`${origin}${step.get}`)
      ;[html, url, status] = [await res.text(), res.url(), res.status()]
    } else {
      const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
      const form: Record<string, string> = { _csrf: token }
      for (const [k, v] of Object.entries(step.form)) form[k] = typeof v === 'string' ? v : (v[0] ?? '')
      const res = await context.request.post(`${origin}${step.post}`, { form, maxRedirects: 0 })
      ;[html, url, status] = [await res.text(), `${origin}${step.post}`, res.status()]
    }
  }
  return { html, url, status }
}

run('staff pages in Chromium', () => {
  let t: TestApp
  let server: Awaited<ReturnType<typeof serve>>
  let browser: Browser

  beforeAll(async () => {
    t = await createTestApp()
    server = await serve(t.app)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    await t?.close()
  })

  for (const lang of ['en', 'cy'] as const) {
    for (const state of pageStates()) {
      it(`${state.id} in ${lang} has no axe-core violations with JavaScript on or off`, async () => {
        const context = await newAuditContext(browser)
        try {
          await context.request.get(`${server.origin}/staff/sign-in?lang=${lang}`)
          if (state.staffRole) {
            const page = await context.newPage()
            await signInStaffInBrowser(page, server.origin, await createStaff(t, state.staffRole), lang)
            await page.close()
          }
          const { html, url, status } = await reach(context, server.origin, state.steps)
          expect(status).toBe(state.expectStatus)
          expect(html).toContain(`lang="${lang}"`)
          // JavaScript on: the same HTML at the same URL, its scripts and stylesheets served for real.
          const page = await context.newPage()
          await page.route(
            (candidate) => candidate.href === url,
            (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }),
          )
          await page.goto(url)
          expect(await page.locator('body.js-enabled').count()).toBe(1)
          expect(await axeViolations(page)).toEqual([])
          await page.close()
          expect(await axeViolationsWithoutJs(context, url, html)).toEqual([])
        } finally {
          await context.close()
        }
      })
    }
  }
})

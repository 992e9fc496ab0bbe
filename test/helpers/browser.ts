import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Express } from 'express'
import fs from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_PATH } from './chromium'

export { chromiumAvailable } from './chromium'

/** The WCAG levels every page is checked against. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
}

/**
 * axe-core's source, added to every page of a context before the page's own scripts.
 * Injecting it once per context instead of once per check (as @axe-core/playwright does)
 * makes a check several times faster, which matters with hundreds of page states.
 */
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export async function newAuditContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext(options)
  await context.addInitScript({ content: axeSource })
  return context
}

/** Serves an app on a random loopback port for a browser to visit. */
export async function serve(app: Express): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface AxeFinding {
  id: string
  impact: string | null | undefined
  help: string
  targets: string[]
}

interface AxeRunResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: string[] }[] }[]
}

/**
 * Runs axe-core on the page as it is now (the page must come from a `newAuditContext`);
 * returns violations in a readable shape.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const results = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
  }, WCAG_TAGS)
  return (results as AxeRunResult).violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }))
}

/**
 * Checks a page as a citizen without JavaScript gets it. axe-core cannot run in a page
 * opened with JavaScript disabled, so the same HTML is loaded with its scripts removed
 * into a JavaScript-enabled page at the same URL: what is checked is what a no-JS browser
 * renders (no `js-enabled` class, no enhancements).
 */
export async function axeViolationsWithoutJs(
  context: BrowserContext,
  url: string,
  html: string,
): Promise<AxeFinding[]> {
  const page = await context.newPage()
  try {
    const stripped = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    // A predicate, not a glob: `?` in a URL would be read as a wildcard.
    await page.route(
      (candidate) => candidate.href === url,
      (route) => route.fulfill({ status: 200, contentType: 'text/html', body: stripped }),
    )
    await page.goto(url)
    return await axeViolations(page)
  } finally {
    await page.close()
  }
}

import type { Browser } from 'playwright-core'
import type { TestApp } from './app'
import { launchChromium, serve } from './browser'

/** What a browser suite visits: the app under test, where it listens, and Chromium. */
export interface BrowserSuite {
  app: TestApp
  origin: string
  browser: Browser
}

/**
 * Registers the set-up every browser suite needs — build the app, serve it on a loopback
 * port, launch Chromium — and the tear-down that closes all three even when set-up failed
 * half way (a leaked browser or server would keep the run from ending). The fields are
 * filled in before the suite's own `beforeAll` hooks run, as jest runs hooks in order.
 */
export function servedInChromium(makeApp: () => Promise<TestApp>, timeoutMs?: number): BrowserSuite {
  const suite = {} as BrowserSuite
  let server: Awaited<ReturnType<typeof serve>> | undefined
  beforeAll(async () => {
    suite.app = await makeApp()
    server = await serve(suite.app.app)
    suite.origin = server.origin
    suite.browser = await launchChromium()
  }, timeoutMs)
  afterAll(async () => {
    await suite.browser?.close()
    await server?.close()
    await suite.app?.close()
  })
  return suite
}

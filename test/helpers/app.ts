import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Express } from 'express'
import request from 'supertest'
import { createApp } from '../../app/app'
import { bootstrap, type BootstrapOptions, type Runtime } from '../../app/bootstrap'
import { loadConfig, type Config } from '../../app/config'
import { TestClock } from './clock'
import { provisionBackend } from './test-backend'

export interface TestApp {
  app: Express
  runtime: Runtime
  config: Config
  dataDir: string
  /** The app's clock, pinned (TEST_NOW) until a test moves it on. */
  clock: TestClock
  close(): Promise<void>
}

/**
 * Builds the real app, exactly as the server does, around a fresh temporary DATA_DIR.
 * CSRF, sessions and security headers are all on: tests go through what citizens go through.
 * The one difference: the clock is pinned (test/helpers/clock.ts), so dates are the same on
 * every run; pass `clock` to share one between apps (a "restart").
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: Pick<BootstrapOptions, 'logDestination'> & { clock?: TestClock } = {},
): Promise<TestApp> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'))
  // SQLite by default; PostgreSQL + Redis in the jest project that sets PORTAL_TEST_BACKEND.
  const backend = await provisionBackend(dataDir)
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, ...backend.env, ...env })
  const clock = options.clock ?? new TestClock()
  const runtime = await bootstrap(config, { ...backend.options, ...options, clock: clock.now })
  let app: Express
  try {
    app = createApp(runtime)
  } catch (error) {
    // A start-up refusal (tests check those too) must not leave the store's connections open.
    await runtime.close()
    throw error
  }
  return {
    app,
    runtime,
    config,
    dataDir,
    clock,
    async close() {
      await runtime.close()
    },
  }
}

/** The value of the hidden `_csrf` field in a rendered form. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('No CSRF token on the page')
  return match[1]
}

/**
 * A cookie-keeping client that posts forms the way a browser does: it reads the CSRF
 * token from the page it last loaded (or from `tokenFrom`) and sends it with the form.
 */
export class Browserish {
  readonly agent: ReturnType<typeof request.agent>
  private lastHtml = ''

  constructor(app: Express) {
    this.agent = request.agent(app)
  }

  async get(url: string) {
    const res = await this.agent.get(url)
    if (res.type === 'text/html') this.lastHtml = res.text
    return res
  }

  async post(url: string, form: Record<string, string | readonly string[]>, tokenFrom?: string) {
    if (tokenFrom) await this.get(tokenFrom)
    const body = new URLSearchParams()
    body.append('_csrf', csrfFrom(this.lastHtml))
    for (const [key, value] of Object.entries(form)) {
      for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
    }
    const res = await this.agent.post(url).type('form').send(body.toString())
    if (res.type === 'text/html') this.lastHtml = res.text
    return res
  }

  /** Follows a redirect the way a browser would. */
  async follow(res: { status: number; headers: Record<string, string> }) {
    if (res.status < 300 || res.status >= 400) throw new Error(`Expected a redirect, got ${res.status}`)
    return this.get(res.headers.location ?? '/')
  }
}

import fs from 'node:fs'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import type { PageState, Step } from '../../../app/a11y/page-state'
import { exemptions as defaultExemptions, type Exemption } from '../../../app/a11y/exemptions'
import { isExempt } from './exemptions'
import { replay, type ReplayResponse, type StepClient } from '../../../app/a11y/replay'
import { axeViolations, newAuditContext, WCAG_TAGS } from '../browser'
import { htmlValidator } from './html-validator'
import { finishTabWalk, overflow, prepareTabWalk, stylesLoaded, structure } from './in-page'

export type Lang = 'en' | 'cy'

/** One thing wrong with one state: which check, which rule, what and where. */
export interface Finding {
  check: 'status' | 'axe' | 'axe-no-js' | 'html-validate' | 'structure' | 'title' | 'reflow' | 'keyboard'
  rule: string
  message: string
  targets: string[]
}

export interface StateResult {
  id: string
  journey: string
  description: string
  lang: Lang
  url: string
  status: number
  title: string
  /** Which checks ran on this state in this language. */
  checks: Finding['check'][]
  findings: Finding[]
  /** Findings that match an entry in the exemptions file: reported, not failed. */
  exempted: Finding[]
  ms: number
}

export interface WalkSummary {
  results: StateResult[]
  states: number
  languages: Lang[]
  pageLoads: number
  axeRuns: number
  keyboardTemplates: number
  ms: number
  /** Total milliseconds spent in each phase, to see where the time goes. */
  phases: Record<string, number>
  versions: { axe: string; htmlValidate: string; chromium: string }
  rules: { axeTags: string[]; htmlValidate: string; walker: string[] }
}

export interface WalkOptions {
  browser: Browser
  origin: string
  states: readonly PageState[]
  stepsFor?: (state: PageState) => Step[] | Promise<Step[]>
  languages?: Lang[]
  exemptions?: readonly Exemption[]
  /** Browser contexts working at once (default 2, for a 2-core machine). */
  workers?: number
  /** Called after each state, for progress lines. */
  onResult?: (result: StateResult) => void
}

const WALKER_CHECKS = [
  'status as declared',
  'exactly one h1',
  'title unique within its journey',
  'title prefixed Error:/Gwall: when errors show',
  'error-summary links target existing ids',
  'focus moves to the error summary with JavaScript',
  'autocomplete on declared personal fields',
  'no horizontal scroll at 320 CSS px',
  'skip link is the first Tab stop',
  'Tab reaches every control and the footer',
]

/** Adds `lang` to a GET step so the whole replay runs in that language. */
function inLanguage(url: string, lang: Lang): string {
  const u = new URL(url, 'http://portal.invalid')
  u.searchParams.set('lang', lang)
  return `${u.pathname}${u.search}`
}

/** Replays through the context's own cookie jar, so the browser page continues the session. */
function requestClient(request: APIRequestContext, origin: string): StepClient {
  const wrap = async (res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<ReplayResponse> => ({
    url: res.url(),
    status: res.status(),
    html: await res.text(),
  })
  // A reused keep-alive connection can be closed by the server at the moment it is reused
  // (ECONNRESET); one retry of an idempotent-by-design replay step covers that race.
  const retry = async <T>(send: () => Promise<T>): Promise<T> => {
    try {
      return await send()
    } catch (error) {
      if (!String(error).includes('ECONNRESET')) throw error
      return send()
    }
  }
  return {
    get: async (url) => wrap(await retry(() => request.get(origin + url, { maxRedirects: 10 }))),
    post: async (url, body) =>
      wrap(
        await retry(() =>
          request.post(origin + url, {
            data: body.toString(),
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            maxRedirects: 10,
          }),
        ),
      ),
  }
}

/** A key for "the same page template": the path with ids and numbers blurred, and whether errors show. */
const templateKey = (url: string, errors: boolean) =>
  `${new URL(url).pathname.replace(/\/\d+(?=\/|$)/g, '/:n')}${errors ? '#errors' : ''}`

const stripScripts = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')

/**
 * Walks every page state in Chromium and runs every check on it. The matrix is arranged so
 * that it stays fast on a small machine: one browser; one JavaScript-on page (no routing, so
 * the HTTP cache serves the stylesheet and scripts) and one page, 320 px wide, that shows the
 * same HTML with its scripts removed for the JavaScript-off and reflow checks; steps before the last replayed as
 * plain requests; keyboard checks once per page template (they do not depend on language).
 */
export async function walk(options: WalkOptions): Promise<WalkSummary> {
  const started = Date.now()
  const languages = options.languages ?? ['en', 'cy']
  const exemptions = options.exemptions ?? defaultExemptions
  const stepsFor = options.stepsFor ?? ((s: PageState) => [...s.steps])
  const validate = htmlValidator()
  const keyboardDone = new Set<string>()
  const results: StateResult[] = []
  let pageLoads = 0
  let axeRuns = 0
  const phases: Record<string, number> = {}
  const jobs = languages.flatMap((lang) => options.states.map((state) => ({ state, lang })))
  let next = 0
  const workers = await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.workers ?? 2, jobs.length)) }, () => openWorker()),
  )
  try {
    // Each worker has its own context (its own cookie jar, so its own session) and takes the
    // next state when it finishes one: two keep both cores busy while the server renders.
    await Promise.all(
      workers.map(async (worker) => {
        while (next < jobs.length) {
          const job = jobs[next++] as (typeof jobs)[number]
          const result = await checkState(worker, job.state, job.lang)
          results.push(result)
          options.onResult?.(result)
        }
      }),
    )
    const order = new Map(jobs.map((j, i) => [`${j.lang} ${j.state.id}`, i]))
    results.sort((a, b) => (order.get(`${a.lang} ${a.id}`) ?? 0) - (order.get(`${b.lang} ${b.id}`) ?? 0))
    checkTitles(results)
    const first = workers[0] as Worker
    return {
      results,
      states: options.states.length,
      languages,
      pageLoads,
      axeRuns,
      keyboardTemplates: keyboardDone.size,
      ms: Date.now() - started,
      phases,
      versions: {
        axe: String(await first.jsOn.evaluate(() => (window as unknown as { axe?: { version: string } }).axe?.version)),
        htmlValidate: packageVersion('html-validate'),
        chromium: options.browser.version(),
      },
      rules: {
        axeTags: WCAG_TAGS,
        htmlValidate: '.htmlvalidate.json (html-validate:recommended)',
        walker: WALKER_CHECKS,
      },
    }
  } finally {
    await Promise.all(workers.map((w) => w.context.close()))
  }

  interface Worker {
    context: BrowserContext
    jsOn: Page
    jsOff: Page
  }

  async function openWorker(): Promise<Worker> {
    const context = await newAuditContext(options.browser, { viewport: { width: 1280, height: 800 } })
    const jsOn = await context.newPage()
    const jsOff = await context.newPage()
    await jsOff.setViewportSize({ width: 320, height: 800 })
    // Both pages start on the portal (its /health, which has the portal's own CSP), so that
    // forms can be posted from, and HTML written into, a page of the right origin.
    await Promise.all([jsOn.goto(`${options.origin}/health`), jsOff.goto(`${options.origin}/health`)])
    return { context, jsOn, jsOff }
  }

  async function checkState({ context, jsOn, jsOff }: Worker, state: PageState, lang: Lang): Promise<StateResult> {
    const t0 = Date.now()
    let mark = t0
    const lap = (phase: string) => {
      const now = Date.now()
      phases[phase] = (phases[phase] ?? 0) + now - mark
      mark = now
    }
    const findings: Finding[] = []
    const checks = new Set<Finding['check']>()
    const add = (f: Finding) => findings.push(f)
    await context.clearCookies()
    const steps = (await stepsFor(state)).map((s): Step => ('get' in s ? { get: inLanguage(s.get, lang) } : s))
    const last = steps[steps.length - 1]
    const before = await replay(last ? steps.slice(0, -1) : [], requestClient(context.request, options.origin))
    lap('replay')

    // The last step in the browser with JavaScript on.
    let response
    if (!last || 'get' in last) {
      response = await jsOn.goto(options.origin + (last?.get ?? '/'), { waitUntil: 'domcontentloaded' })
    } else {
      const token = /name="_csrf" value="([^"]+)"/.exec(before?.html ?? '')?.[1] ?? ''
      const fields = Object.entries({ _csrf: token, ...last.form }).flatMap(([name, value]) =>
        (typeof value === 'string' ? [value] : [...value]).map((v) => [name, v] as const),
      )
      ;[response] = await Promise.all([
        jsOn.waitForNavigation({ waitUntil: 'domcontentloaded' }),
        jsOn.evaluate(
          ({ action, fields }) => {
            const form = document.createElement('form')
            form.method = 'post'
            form.action = action
            for (const [name, value] of fields) {
              const input = document.createElement('input')
              input.type = 'hidden'
              input.name = name
              input.value = value
              form.append(input)
            }
            document.body.append(form)
            form.submit()
          },
          { action: last.post, fields },
        ),
      ])
    }
    pageLoads += 1
    const status = response?.status() ?? 0
    const url = jsOn.url()
    const html = (await response?.text()) ?? ''
    checks.add('status')
    if (status !== state.expectStatus)
      add({ check: 'status', rule: 'status', message: `expected ${state.expectStatus}, got ${status}`, targets: [url] })
    await jsOn.waitForFunction(stylesLoaded)
    lap('load')

    checks.add('axe')
    axeRuns += 1
    for (const v of await axeViolations(jsOn)) add({ check: 'axe', rule: v.id, message: v.help, targets: v.targets })
    lap('axe')

    checks.add('structure')
    const page = await jsOn.evaluate(structure, { ...(state.personalFields ?? {}) })
    if (page.lang !== lang)
      add({ check: 'structure', rule: 'lang', message: `html lang is "${page.lang}"`, targets: ['html'] })
    if (page.h1Count !== 1)
      add({ check: 'structure', rule: 'one-h1', message: `${page.h1Count} h1 elements`, targets: ['h1'] })
    const prefix = lang === 'cy' ? 'Gwall: ' : 'Error: '
    if (page.hasErrorSummary !== page.title.startsWith(prefix))
      add({
        check: 'structure',
        rule: 'error-title',
        message: page.hasErrorSummary ? `errors show but the title lacks "${prefix}"` : `"${prefix}" without errors`,
        targets: [page.title],
      })
    if (page.brokenErrorLinks.length)
      add({
        check: 'structure',
        rule: 'error-links',
        message: 'error-summary links to nothing',
        targets: page.brokenErrorLinks,
      })
    if (page.hasErrorSummary && !page.focusInErrorSummary)
      add({ check: 'structure', rule: 'error-focus', message: 'focus did not move to the error summary', targets: [] })
    if (page.autocompleteProblems.length)
      add({ check: 'structure', rule: 'autocomplete', message: 'personal fields', targets: page.autocompleteProblems })

    lap('structure')
    checks.add('html-validate')
    for (const p of await validate(html))
      add({
        check: 'html-validate',
        rule: p.rule,
        message: p.message,
        targets: [`line ${p.line}: ${p.selector ?? ''}`],
      })
    lap('html-validate')

    const key = templateKey(url, page.hasErrorSummary)
    if (!keyboardDone.has(key)) {
      keyboardDone.add(key)
      checks.add('keyboard')
      const expected = await jsOn.evaluate(prepareTabWalk)
      // Tab until every expected control has had focus, in batches: a page may have extra
      // stops (a scrollable region), so a fixed count could stop short of the footer.
      for (let pressed = 0; pressed < expected * 2 + 10;) {
        const batch = Math.min(expected + 2, 20)
        for (let i = 0; i < batch; i += 1) await jsOn.keyboard.press('Tab')
        pressed += batch
        if ((await jsOn.evaluate(finishTabWalk, expected)).missed.length === 0) break
      }
      const tabs = await jsOn.evaluate(finishTabWalk, expected)
      if (!tabs.firstIsSkipLink)
        add({
          check: 'keyboard',
          rule: 'skip-link-first',
          message: 'the first Tab stop is not the skip link',
          targets: [tabs.first ?? 'nothing'],
        })
      if (tabs.missed.length)
        add({ check: 'keyboard', rule: 'tab-order', message: 'Tab never reaches these', targets: tabs.missed })
      if (!tabs.footerReached)
        add({ check: 'keyboard', rule: 'tab-footer', message: 'Tab never reaches the footer', targets: [] })
      lap('keyboard')
    }

    // The same HTML as a browser without JavaScript renders it, in the same context.
    checks.add('axe-no-js')
    // Written into a page already on the portal's origin, so the stylesheet comes from the
    // cache and nothing is routed; with its scripts gone the page is as a no-JS browser has it.
    await jsOff.setContent(stripScripts(html), { waitUntil: 'domcontentloaded' })
    await jsOff.waitForFunction(stylesLoaded)
    pageLoads += 1
    axeRuns += 1
    lap('load-no-js')
    for (const v of await axeViolations(jsOff))
      add({ check: 'axe-no-js', rule: v.id, message: v.help, targets: v.targets })
    lap('axe-no-js')

    // The no-JavaScript page is 320 CSS px wide: reflow is checked where content is most
    // spread out (conditional parts all showing), without resizing a page per state.
    checks.add('reflow')
    const wide = await jsOff.evaluate(overflow)
    if (wide.scrollWidth > wide.clientWidth)
      add({ check: 'reflow', rule: 'reflow-320', message: `${wide.scrollWidth}px wide at 320px`, targets: wide.widest })
    lap('reflow')

    const exempt = (f: Finding) => isExempt(f.rule, state.id, exemptions)
    return {
      id: state.id,
      journey: state.journey,
      description: state.description,
      lang,
      url,
      status,
      title: page.title,
      checks: [...checks],
      findings: findings.filter((f) => !exempt(f)),
      exempted: findings.filter(exempt),
      ms: Date.now() - t0,
    }
  }
}

/**
 * A title must identify its page within a journey: two different pages (paths) of one
 * journey may not share a title in the same language. States of the same page may.
 */
function checkTitles(results: StateResult[]): void {
  const seen = new Map<string, { path: string; id: string }>()
  for (const r of results) {
    const key = `${r.lang}|${r.journey}|${r.title}`
    const path = new URL(r.url).pathname
    const first = seen.get(key)
    if (!first) seen.set(key, { path, id: r.id })
    else if (first.path !== path)
      r.findings.push({
        check: 'title',
        rule: 'title-unique',
        message: `same title as ${first.id}: "${r.title}"`,
        targets: [path, first.path],
      })
  }
}

function packageVersion(name: string): string {
  const file = require.resolve(`${name}/package.json`)
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version
}

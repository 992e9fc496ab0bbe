import type { BrowserContext, Page } from 'playwright-core'
import { csrfFrom } from '../../helpers/app'
import {
  axeViolations,
  axeViolationsWithoutJs,
  chromiumAvailable,
  newAuditContext,
  type AxeFinding,
} from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { applications } from '../../../app/applications/registry'
import { answersUpTo } from '../../../app/applications/sample'
import { allPages } from '../../../app/applications/registry'
import { applicationsApp } from '../../integration/applications/harness'

const run = chromiumAvailable() ? describe : describe.skip

/**
 * The pages checked on the walk: one of each template and error state (start, task list,
 * a text question and its error, a date error, an address error, add another with its
 * errors, check answers, save, declaration error, confirmation). On the shared CI machine an
 * axe run takes seconds, so every page of every application is left to the accessibility
 * walker, which replays all of `pageStates()`.
 */
const KEY_PAGES = [
  { path: '/apply/dbs-basic', status: 200 },
  { path: '/task-list', status: 200 },
  { path: '/name', status: 200 },
  { path: '/name', status: 400 },
  { path: '/date-of-birth', status: 400 },
  { path: '/address', status: 400 },
  { path: '/previous-addresses', status: 400 },
  { path: '/previous-addresses/1/remove', status: 200 },
  { path: '/check-answers', status: 200 },
  { path: '/save', status: 400 },
  { path: '/declaration', status: 400 },
  { path: '/confirmation', status: 200 },
  { path: '/apply/resume', status: 200 },
  { path: '/apply/resume', status: 400 },
  { path: 'A'.repeat(43), status: 410 },
]

/**
 * Each application walked once in Chromium, as one citizen: every question page, then its
 * error state, then a valid answer; add another with its summary and errors; check answers,
 * the declaration and its error, the confirmation; then save and return. Each page is
 * checked with axe-core with JavaScript on and off. One walk per application (rather than
 * replaying every page state from a fresh session) keeps this within a CI budget; the
 * integration suite replays every state in `pageStates()` over HTTP.
 */
run('application pages in Chromium', () => {
  jest.setTimeout(300_000)
  const suite = servedInChromium(applicationsApp)

  /** A citizen's session in the browser context: requests share its cookies. */
  function citizen(context: BrowserContext) {
    let html = ''
    const findings: { url: string; status: number; js: AxeFinding[]; noJs: AxeFinding[] }[] = []
    const send = async (
      method: 'get' | 'post',
      path: string,
      form?: Readonly<Record<string, string | readonly string[]>>,
    ) => {
      const url = `${suite.origin}${path}`
      const res =
        method === 'get'
          ? await context.request.get(url, { maxRedirects: 0 })
          : await context.request.post(url, {
              data: encode(form ?? {}, csrfFrom(html)),
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              maxRedirects: 0,
            })
      if ((res.headers()['content-type'] ?? '').includes('text/html')) html = await res.text()
      return { url, status: res.status() }
    }
    const check = async ({ url, status }: { url: string; status: number }) => {
      if (!KEY_PAGES.some((k) => url.endsWith(k.path) && status === k.status)) return
      findings.push({
        url,
        status,
        js: await withScripts(context, url, html),
        noJs: await axeViolationsWithoutJs(context, url, html),
      })
    }
    return {
      get: async (path: string) => check(await send('get', path)),
      /** Posts a form whose answer is a page (an error state) and checks that page. */
      postAndCheck: async (path: string, form: Readonly<Record<string, string | readonly string[]>>) =>
        check(await send('post', path, form)),
      post: async (path: string, form: Readonly<Record<string, string | readonly string[]>>) => {
        const res = await send('post', path, form)
        expect([path, res.status]).toEqual([path, 303])
      },
      findings,
    }
  }

  async function withScripts(context: BrowserContext, url: string, html: string): Promise<AxeFinding[]> {
    const page: Page = await context.newPage()
    try {
      await page.route(
        (candidate) => candidate.href === url,
        (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }),
      )
      await page.goto(url)
      return await axeViolations(page)
    } finally {
      await page.close()
    }
  }

  it.each(applications.slice(0, 1).map((a) => [a.id, a] as const))(
    'the key pages of %s pass axe-core with JavaScript on and off',
    async (_id, app) => {
      const context = await newAuditContext(suite.browser)
      try {
        const c = citizen(context)
        const root = `/apply/${app.id}`
        await c.get(root)
        await c.get(`${root}/task-list`)
        // The pages on the fully answered path, plus each conditional page's own path.
        for (const step of answersUpTo(app)) {
          const url = `${root}/${step.path}`
          const page = allPages(app).find((p) => p.id === step.path.split('/')[0])
          await c.get(url)
          if (page?.kind !== 'addAnother' || step.path.includes('/')) {
            if (page?.kind === 'addAnother' || page?.fields.some((f) => !f.optional))
              await c.postAndCheck(url, { action: 'continue' })
          } else {
            await c.postAndCheck(url, {})
            await c.get(`${url}/1/remove`)
            await c.postAndCheck(`${url}/1/remove`, {})
          }
          await c.post(url, { ...step.form, action: 'continue' })
        }
        await c.get(`${root}/check-answers`)
        await c.get(`${root}/save`)
        await c.postAndCheck(`${root}/save`, { email: 'not an email' })
        await c.post(`${root}/save`, { email: 'applicant@example.com' })
        await c.get(`${root}/saved`)
        await c.get(`${root}/declaration`)
        await c.postAndCheck(`${root}/declaration`, {})
        await c.post(`${root}/declaration`, { confirm: 'yes' })
        await c.get(`${root}/confirmation`)
        const failing = c.findings.filter((f) => f.js.length || f.noJs.length)
        expect(failing).toEqual([])
        expect(c.findings.length).toBeGreaterThanOrEqual(10)
      } finally {
        await context.close()
      }
    },
  )

  it('the resume pages pass axe-core with JavaScript on and off', async () => {
    const context = await newAuditContext(suite.browser)
    try {
      const c = citizen(context)
      await c.get('/apply/resume')
      await c.postAndCheck('/apply/resume', {})
      await c.get(`/apply/resume/${'A'.repeat(43)}`)
      expect(c.findings.filter((f) => f.js.length || f.noJs.length)).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('the check can fail: a page with an unlabelled field is reported', async () => {
    const context = await newAuditContext(suite.browser)
    try {
      const url = `${suite.origin}/apply/dbs-basic/name`
      const res = await context.request.get(url)
      const broken = (await res.text()).replace(/<label[^>]*for="fullName"[\s\S]*?<\/label>/, '')
      const found = await axeViolationsWithoutJs(context, url, broken)
      expect(found.map((f) => f.id)).toContain('label')
    } finally {
      await context.close()
    }
  })
})

/** The form as a browser encodes it: repeated keys for checkboxes. */
function encode(form: Readonly<Record<string, string | readonly string[]>>, csrf: string): string {
  const body = new URLSearchParams({ _csrf: csrf })
  for (const [key, value] of Object.entries(form))
    for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
  return body.toString()
}

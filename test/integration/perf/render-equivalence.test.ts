import zlib from 'node:zlib'
import type nunjucks from 'nunjucks'
import type { PageState } from '../../../app/a11y/page-state'
import { pageStates as applicationStates } from '../../../app/applications/page-states'
import { pageStates } from '../../../app/triage/page-states'
import type { RenderCache, Rendered } from '../../../app/views/render-cache'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

/**
 * The render cache must never change a byte: every page state the portal has is rendered
 * through the cache (twice, so the second comes from it) and compared with Nunjucks
 * rendering the same template with the same inputs, and its gzip body is inflated and
 * compared too.
 */
let testApp: TestApp
const compared: { name: string; cached: string; plain: string; gunzipped: string | undefined }[] = []
let cache: RenderCache

beforeAll(async () => {
  testApp = await createTestApp()
  const env = testApp.app.get('nunjucksEnv') as nunjucks.Environment
  cache = (testApp.app.get('view') as { cache: RenderCache }).cache
  const render = cache.render.bind(cache)
  cache.render = (name: string, context: Record<string, unknown>): Rendered => {
    const rendered = render(name, context)
    compared.push({
      name,
      cached: rendered.html,
      plain: env.render(name, context),
      gunzipped: rendered.gzip ? zlib.gunzipSync(rendered.gzip()).toString('utf8') : undefined,
    })
    return rendered
  }
})
afterAll(() => testApp.close())

async function replay(state: Pick<PageState, 'steps'>) {
  const browser = new Browserish(testApp.app)
  let res: Awaited<ReturnType<Browserish['get']>> | undefined
  for (const step of state.steps) {
    res = 'get' in step ? await browser.get(step.get) : await browser.post(step.post, step.form)
  }
  return res
}

const foundation = ['/', '/?lang=cy', '/cookies', '/privacy', '/contact', '/accessibility-statement', '/no-such-page']
const states: Pick<PageState, 'id' | 'steps'>[] = [
  ...foundation.map((url) => ({ id: url, steps: [{ get: url }] })),
  ...pageStates().filter((s) => !s.staffRole),
  ...applicationStates().filter((s) => !s.staffRole),
  // The same journeys in Welsh: every question, error and plan in the other language.
  ...pageStates()
    .filter((s) => !s.staffRole)
    .map((s) => ({ id: `${s.id} (cy)`, steps: [{ get: '/?lang=cy' }, ...s.steps] })),
]

describe('pages from the render cache', () => {
  it.each(states.map((s) => [s.id, s] as const))('%s is byte-identical to plain rendering', async (id, state) => {
    // Twice for English states (the second from the cache); Welsh states share most pages with them.
    for (let round = 0; round < (id.endsWith('(cy)') ? 1 : 2); round++) {
      compared.length = 0
      await replay(state)
      expect(compared.length).toBeGreaterThan(0)
      for (const page of compared) {
        expect(page.cached).toBe(page.plain)
        if (page.gunzipped !== undefined) expect(page.gunzipped).toBe(page.plain)
      }
    }
  })

  it('served the repeats from the cache', () => {
    expect(cache.hits).toBeGreaterThan(states.length)
    expect(cache.bypasses).toBe(0)
  })
})

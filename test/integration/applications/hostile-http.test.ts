import fc from 'fast-check'
import { Browserish, type TestApp } from '../../helpers/app'
import { applications, allPages } from '../../../app/applications/registry'
import { isValidValue } from '../../../app/applications/validate'
import { isItems } from '../../../app/applications/answers'
import type { Field } from '../../../app/applications/definition'
import { hostileBody } from '../../unit/applications/hostile'
import { applicationsApp } from './harness'
import { must } from '../../unit/applications/must'
import { fuzzSeed } from '../../helpers/fuzz/seed'

const SEED = fuzzSeed('hostile forms over HTTP')

/**
 * Hostile forms posted to every question and add-another page over HTTP: the answer is
 * always a redirect onwards or a page with errors (or 413 for an oversized body), never a
 * 500, and whatever reached the database is valid for its field.
 */
describe('hostile forms over HTTP', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
  })
  afterAll(() => t.close())

  const targets = applications.flatMap((app) =>
    allPages(app).map((page) => ({
      app,
      url: `/apply/${app.id}/${page.kind === 'addAnother' ? `${page.id}/1` : page.id}`,
      fields: page.kind === 'addAnother' ? page.itemFields : page.fields,
    })),
  )

  it.each(targets.map((x, i) => [x.url, x, i] as const))(
    '%s never fails and never stores invalid data',
    async (url, target, index) => {
      const browser = new Browserish(t.app)
      const page = await browser.get(url)
      // A conditional page redirects to the task list; post to it anyway: that must be safe too.
      const formPage = page.status === 200 ? url : '/apply/resume'
      await fc.assert(
        fc.asyncProperty(hostileBody(target.fields), async (body) => {
          // The token comes from a fresh load of a form, as a browser's would: the reply to
          // the previous hostile post may be a page without a form (413, "too large").
          const res = await browser.post(url, body as Record<string, string | string[]>, formPage)
          expect([303, 400, 413]).toContain(res.status)
        }),
        { numRuns: 20, seed: SEED + index },
      )
    },
  )

  it('left only valid answers in every draft', async () => {
    const drafts = await t.runtime.db.all<{ application: string; answers: string }>(
      'SELECT application, answers FROM application_drafts',
    )
    expect(drafts.length).toBeGreaterThan(0)
    for (const draft of drafts) {
      const app = must(applications.find((a) => a.id === draft.application))
      const answers = JSON.parse(draft.answers) as Record<string, unknown>
      const fields = new Map<string, Field>()
      for (const page of allPages(app))
        for (const f of page.kind === 'addAnother' ? page.itemFields : page.fields) fields.set(f.id, f)
      const check = (key: string, value: unknown) => {
        const field = fields.get(key)
        expect(field).toBeDefined()
        if (field && field.kind !== 'address')
          expect(isValidValue(field, value, t.clock.now().toISOString().slice(0, 10))).toBe(true)
      }
      for (const [key, value] of Object.entries(answers)) {
        if (isItems(value) && !fields.has(key))
          for (const item of value) for (const [k, v] of Object.entries(item)) check(k, v)
        else if (!isItems(value) || fields.get(key)?.kind === 'checkboxes') check(key, value)
      }
    }
  })
})

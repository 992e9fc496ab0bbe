import type { BrowserContext, Page } from 'playwright-core'
import { outcomeById, plan, type Answer } from '../../../app/triage'
import { translator } from '../../../app/i18n/translate'
import { keys } from '../../../app/triage/copy-keys'
import { personaById } from '../../../app/triage/personas'
import { createTestApp } from '../../helpers/app'
import { axeViolationsWithoutJs, chromiumAvailable, newAuditContext } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { TEST_NOW } from '../../helpers/clock'

const run = chromiumAvailable() ? describe : describe.skip
const t = translator('en')
const journeys = [
  'welsh-domiciliary-employee',
  'welsh-single-parent-on-uc',
  'young-widow-with-children',
  'unsure-carer',
]

/** Answers the question on screen the way a citizen would: ticking, choosing or typing. */
async function answer(page: Page, kind: string, value: Answer) {
  if (kind === 'date') {
    const [year = '', month = '', day = ''] = (value as string).split('-')
    await page.fill('#answer-day', String(Number(day)))
    await page.fill('#answer-month', String(Number(month)))
    await page.fill('#answer-year', year)
  } else {
    for (const v of typeof value === 'string' ? [value] : value) await page.check(`input[name="answer"][value="${v}"]`)
  }
}

run('triage journeys in Chromium with JavaScript off', () => {
  const suite = servedInChromium(() => createTestApp())
  let audit: BrowserContext

  beforeAll(async () => {
    audit = await newAuditContext(suite.browser)
  })

  const check = async (page: Page) =>
    expect(await axeViolationsWithoutJs(audit, page.url(), await page.content())).toEqual([])

  it.each(journeys)(
    '%s completes from "What do you want to do?" to the plan, every page and error passing axe-core',
    async (id) => {
      const persona = personaById(id)
      const outcome = outcomeById(persona.outcome)
      const context = await suite.browser.newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      try {
        await page.goto(`${suite.origin}/`)
        await check(page)
        await page.click(`a[href="/outcomes/${outcome.id}"]`)
        for (let guard = 0; guard < 15 && !page.url().endsWith('/plan'); guard++) {
          const question = outcome.questions.find((q) => page.url().endsWith(`/${q.id}`))
          const value = question && persona.answers[question.id]
          if (!question || value === undefined) throw new Error(`Unexpected page ${page.url()}`)
          await check(page)
          // The error state: continue without answering.
          await page.getByRole('button', { name: 'Continue' }).click()
          expect(await page.title()).toMatch(/^Error: /)
          expect(await page.locator('.govuk-error-summary').count()).toBe(1)
          await check(page)
          await answer(page, question.kind, value)
          await page.getByRole('button', { name: 'Continue' }).click()
        }
        expect(page.url()).toBe(`${suite.origin}/outcomes/${outcome.id}/plan`)
        await check(page)
        const titles = await page.locator('.govuk-summary-card__title').allTextContents()
        const expected = plan(outcome.id, persona.answers, TEST_NOW).steps.flatMap((s) =>
          s.services.map((p) => t(keys.service(p.service.id).name)),
        )
        expect(titles.map((title) => title.trim())).toEqual(expected)
      } finally {
        await context.close()
      }
    },
    900_000,
  )
})

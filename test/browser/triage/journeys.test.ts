import type { BrowserContext, Locator, Page } from 'playwright-core'
import { outcomeById, type Answer } from '../../helpers/triage'
import { personaById } from '../../helpers/personas'
import { createTestApp } from '../../helpers/app'
import { axeViolationsWithoutJs, chromiumAvailable, newAuditContext } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { expectedPlanPage, type PlanSeen } from '../../helpers/persona-plan'

const run = chromiumAvailable() ? describe : describe.skip
const journeys = [
  'welsh-domiciliary-employee',
  'welsh-single-parent-on-uc',
  'young-widow-with-children',
  'wal-unsure-carer',
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

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()

/** The plan as Chromium shows it: each step's title and things to do (with the "may" tag), and what is left out. */
async function planSeen(page: Page): Promise<PlanSeen> {
  const steps: PlanSeen['steps'] = []
  for (const step of await page.locator('.app-plan-step').all()) {
    const services = []
    for (const task of await step.locator('.app-plan-task').all()) {
      const name = await text(task.locator('h3, h4').first())
      services.push({ name, may: (await task.locator('.govuk-tag--yellow').count()) > 0 })
    }
    steps.push({ title: await text(step.locator('.app-plan-step__title')), services })
  }
  const omitted = await page.locator('.app-plan-omitted .govuk-summary-list__key').all()
  const notShown = await Promise.all(omitted.map(text))
  return { steps, notShown: notShown.sort() }
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
        // The persona's own expected plan (the test app's clock stands on the personas' day).
        expect(await planSeen(page)).toEqual(expectedPlanPage(persona))
      } finally {
        await context.close()
      }
    },
    900_000,
  )
})

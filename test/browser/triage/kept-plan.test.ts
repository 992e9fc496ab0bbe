import type { Page } from 'playwright-core'
import { outcomeById } from '../../../app/catalogue'
import { translator } from '../../../app/i18n/translate'
import { PERSONAS } from '../../../app/triage/personas'
import { createTestApp } from '../../helpers/app'
import { chromiumAvailable } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'
import { formFor } from '../../../app/triage/page-states'

const run = chromiumAvailable() ? describe : describe.skip
const persona = PERSONAS[0]
if (!persona) throw new Error('no personas')
const outcome = outcomeById(persona.outcome)
const plan = `/outcomes/${outcome.id}/plan`
const cy = translator('cy')
const DAY = 86_400_000

/** Answers each question on screen, as a citizen does, until the plan. */
async function answerToPlan(page: Page) {
  for (let guard = 0; guard < 20 && !page.url().endsWith('/plan'); guard++) {
    const question = outcome.questions.find((q) => new URL(page.url()).pathname.endsWith(`/${q.id}`))
    const value = question && persona?.answers[question.id]
    if (!question || value === undefined) throw new Error(`Unexpected page ${page.url()}`)
    for (const [name, given] of Object.entries(formFor(question, value))) {
      if (name.startsWith('answer-')) await page.fill(`#${name}`, String(given))
      else
        for (const v of typeof given === 'string' ? [given] : given)
          await page.check(`input[name="answer"][value="${v}"]`)
    }
    await page.locator('main form button[type="submit"]').click()
  }
}

const h1 = async (page: Page) => ((await page.locator('h1').textContent()) ?? '').trim()

run('keeping a plan by email, in Chromium, in Welsh', () => {
  const suite = servedInChromium(() => createTestApp())

  /** The links emailed to `email`, oldest first, as the outbox holds them. */
  const linksTo = async (email: string) =>
    (
      await suite.app.runtime.db.all<{ personalisation: string }>(
        "SELECT personalisation FROM outbox WHERE template = 'plan-kept' AND recipient = $1 ORDER BY created_at",
        [email],
      )
    ).map((row) => (JSON.parse(row.personalisation) as { link: string }).link)

  it('emails the plan, reopens it in a fresh browser without JavaScript, marks a thing done, stops the link; a link expires after 28 days', async () => {
    const citizen = await suite.browser.newContext()
    const page = await citizen.newPage()
    const phone = await suite.browser.newContext({ javaScriptEnabled: false })
    const other = await phone.newPage()
    try {
      await page.goto(`${suite.origin}/outcomes/${outcome.id}?lang=cy`)
      await answerToPlan(page)
      // Twice: one link to use and stop, one to watch expire.
      for (const _ of [1, 2]) {
        await page.goto(`${suite.origin}${plan}`)
        await page.click(`a[href="${plan}/email"]`)
        expect(await h1(page)).toBe(cy('triage.keep.title'))
        await page.fill('#email', 'browser@example.com')
        await page.locator('main form button[type="submit"]').click()
        expect(await h1(page)).toBe(cy('triage.keep.sentTitle'))
        expect(await page.locator('main').textContent()).toContain('browser@example.com')
      }
      const [first = '', second = ''] = await linksTo('browser@example.com')
      expect(new URL(first).searchParams.get('lang')).toBe('cy')
      const link = `${suite.origin}${new URL(first).pathname}${new URL(first).search}`

      await other.goto(link)
      expect(await other.getAttribute('html', 'lang')).toBe('cy')
      const progress = other.locator('#progress')
      expect(await progress.textContent()).toMatch(/^Rydych wedi gwneud 0 o \d+ peth$/)
      await other.locator('button[name="mark"]').first().click()
      expect(await progress.textContent()).toMatch(/^Rydych wedi gwneud 1 o \d+ peth$/)
      expect(await other.locator('.govuk-tag--green', { hasText: cy('triage.kept.doneTag') }).count()).toBeGreaterThan(
        0,
      )

      await other.click(`a[href$="/stop"]`)
      await other.check('input[name="confirm"][value="yes"]')
      await other.locator('main form button[type="submit"]').click()
      expect(await h1(other)).toBe(cy('triage.kept.stoppedTitle'))
      const stopped = await other.goto(link)
      expect(stopped?.status()).toBe(404)
      expect(await h1(other)).toBe(cy('triage.kept.unavailableTitle'))

      const later = `${suite.origin}${new URL(second).pathname}${new URL(second).search}`
      suite.app.clock.advance(28 * DAY - 1)
      expect((await other.goto(later))?.status()).toBe(200)
      suite.app.clock.advance(1)
      expect((await other.goto(later))?.status()).toBe(404)
      expect(await h1(other)).toBe(cy('triage.kept.unavailableTitle'))
    } finally {
      await citizen.close()
      await phone.close()
    }
  }, 120_000)
})

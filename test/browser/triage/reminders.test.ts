import { outcomeById, type Answers } from '../../helpers/triage'
import { answerSteps } from '../../../app/triage/page-states'
import { PERSONA_DAY } from '../../../app/triage/personas'
import { createTestApp } from '../../helpers/app'
import { chromiumAvailable } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'

const run = chromiumAvailable() ? describe : describe.skip

/** Died in Scotland on 27 November: registering is due by 5 December, so a reminder can be sent (on 3 December). */
const answers: Answers = {
  died: 'scotland',
  'date-of-death': '2026-11-27',
  live: 'scotland',
  relationship: 'spouse-or-civil-partner',
  'date-of-birth': '1980-05-05',
  'their-children': 'yes',
  already: ['child-benefit'],
  'paying-for-funeral': 'no',
}

run('deadline reminders in Chromium, JavaScript on', () => {
  const suite = servedInChromium(() => createTestApp())

  it('a citizen asks for reminders with the plan email, then stops them from the link in the reminder', async () => {
    const page = await suite.browser.newPage()
    try {
      // The answers, posted as the question pages' own forms would (the journey itself is tested elsewhere).
      for (const step of answerSteps(outcomeById('bereavement'), answers, PERSONA_DAY)) {
        if ('get' in step) await page.goto(`${suite.origin}${step.get}`)
        else
          await page.evaluate(
            async ({ url, form }) => {
              const body = new URLSearchParams()
              body.append('_csrf', (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value)
              for (const [key, value] of Object.entries(form))
                for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
              await fetch(url, { method: 'POST', body, credentials: 'same-origin' })
            },
            { url: step.post, form: step.form },
          )
      }
      await page.goto(`${suite.origin}/outcomes/bereavement/plan/email`)
      const optIn = page.getByLabel('Email me a reminder before a deadline')
      expect(await optIn.isChecked()).toBe(false)
      await optIn.check()
      await page.getByLabel('Email address').fill('browser@example.com')
      await page.getByRole('button', { name: 'Send me the link' }).click()
      await page.waitForURL('**/plan/emailed')

      const row = await suite.app.runtime.db.get<{ personalisation: string }>(
        "SELECT personalisation FROM outbox WHERE template = 'deadline-reminder' AND recipient = $1",
        ['browser@example.com'],
      )
      const stop = new URL((JSON.parse(row?.personalisation ?? '{}') as { stop: string }).stop)
      await page.goto(`${suite.origin}${stop.pathname}${stop.search}`)
      expect(await page.locator('h1').textContent()).toContain('Stop deadline reminders?')
      await page.getByRole('button', { name: 'Stop reminders' }).click()
      await page.waitForURL('**/reminders/stopped')
      expect(await page.locator('h1').textContent()).toContain('Reminders stopped')
      const waiting = await suite.app.runtime.db.all(
        "SELECT id FROM outbox WHERE template = 'deadline-reminder' AND recipient = $1",
        ['browser@example.com'],
      )
      expect(waiting).toEqual([])
    } finally {
      await page.close()
    }
  })
})

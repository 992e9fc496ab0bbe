import { CATALOGUE, outcomeById } from '../../../app/catalogue'
import { translator } from '../../../app/i18n/translate'
import { PERSONA_DAY, PERSONAS, type Persona } from '../../../app/triage/personas'
import { planFor } from '../../../app/triage/plan'
import { planTasks } from '../../../app/triage/plan-tasks'
import { Browserish, type TestApp } from '../../helpers/app'
import { keepByEmail } from '../../helpers/kept-plan'
import { answerAll, applicationsApp, submit } from '../applications/harness'

const en = translator('en')
const tasksOf = (persona: Persona) =>
  planTasks(planFor(outcomeById(persona.outcome), CATALOGUE.services, persona.answers, PERSONA_DAY))

// A persona whose plan offers an application inside the portal, and that application.
const found = PERSONAS.flatMap((persona) =>
  tasksOf(persona).flatMap((task) => task.applications.map((app) => ({ persona, app }))),
)[0]
if (!found) throw new Error('no persona’s plan offers an in-portal application')
const { persona, app } = found
const total = tasksOf(persona).length

let t: TestApp
beforeAll(async () => {
  t = await applicationsApp()
})
afterAll(() => t.close())

const referenceOn = async (browser: Browserish) => {
  const confirmation = await browser.follow(await submit(browser, app))
  return /<strong>([A-Z0-9-]+)<\/strong>/.exec(confirmation.text)?.[1] ?? ''
}

describe('applying inside the portal marks the kept plan', () => {
  it('from the browser that emailed the plan: the kept plan shows it sent, with its reference, and done', async () => {
    const citizen = new Browserish(t.app)
    const { url } = await keepByEmail(t.runtime.db, citizen, persona, 'same@example.com')
    await answerAll(citizen, app)
    const reference = await referenceOn(citizen)
    expect(reference).not.toBe('')
    const opened = await new Browserish(t.app).get(url)
    expect(opened.text).toContain(en('triage.plan.appliedReference', { reference }))
    expect(opened.text).toContain(en('triage.kept.progress', { done: '1', total: String(total) }))
    // Sent: no second "Apply now" for it.
    expect(opened.text).not.toContain(`value="${app}" name="app"`)
  })

  it('from another browser that opened the emailed link and pressed "Apply now" there', async () => {
    const { url, path } = await keepByEmail(t.runtime.db, new Browserish(t.app), persona, 'other@example.com')
    const phone = new Browserish(t.app)
    const opened = await phone.get(url)
    expect(opened.text).toContain(`value="${app}" name="app"`)
    const started = await phone.post(`${path}/apply`, { app })
    expect(started.status).toBe(303)
    expect(started.headers.location).toBe(`/apply/${app}`)
    await answerAll(phone, app)
    const reference = await referenceOn(phone)
    const after = await new Browserish(t.app).get(url)
    expect(after.text).toContain(en('triage.plan.appliedReference', { reference }))
    expect(after.text).toContain(en('triage.kept.progress', { done: '1', total: String(total) }))
  })

  it('does not start anything for an application the kept plan does not offer', async () => {
    const { url, path } = await keepByEmail(t.runtime.db, new Browserish(t.app), persona, 'stray@example.com')
    const phone = new Browserish(t.app)
    await phone.get(url)
    const stray = await phone.post(`${path}/apply`, { app: 'not-an-application' })
    expect(stray.headers.location).toBe(path)
  })
})

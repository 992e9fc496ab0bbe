import { CATALOGUE, outcomeById } from '../../../app/catalogue'
import { translator } from '../../../app/i18n/translate'
import { answerSteps } from '../../../app/triage/page-states'
import { PERSONA_DAY, PERSONAS, type Persona } from '../../../app/triage/personas'
import { planFor, type PlannedService } from '../../../app/triage/plan'
import { Browserish, type TestApp } from '../../helpers/app'
import { answerAll, applicationsApp, submit } from '../applications/harness'

let t: TestApp
beforeAll(async () => {
  t = await applicationsApp()
})
afterAll(() => t.close())

const planned = (persona: Persona): PlannedService[] =>
  planFor(outcomeById(persona.outcome), CATALOGUE.services, persona.answers, PERSONA_DAY).steps.flatMap((s) =>
    s.items.flatMap((item) => (item.kind === 'service' ? [item] : item.options)),
  )

// A persona whose plan offers an application inside the portal, and that application.
const found = PERSONAS.flatMap((persona) =>
  planned(persona)
    .filter((p) => p.variant.apply)
    .map((p) => ({ persona, app: p.variant.apply as string, name: p.service.id })),
)[0]
if (!found) throw new Error('no persona’s plan offers an in-portal application')
const { persona, app } = found
const plan = `/outcomes/${persona.outcome}/plan`
const en = translator('en')

async function toPlan(browser: Browserish) {
  for (const step of answerSteps(outcomeById(persona.outcome), persona.answers, PERSONA_DAY)) {
    if ('get' in step) await browser.get(step.get)
    else expect((await browser.post(step.post, step.form)).status).toBe(303)
  }
  return browser.get(plan)
}

describe('after applying inside the portal', () => {
  it('the confirmation offers "Continue with your plan", and the plan shows the service as sent, with its reference', async () => {
    const citizen = new Browserish(t.app)
    const before = await toPlan(citizen)
    expect(before.text).toContain(`href="/apply/${app}"`)
    await answerAll(citizen, app)
    const sent = await submit(citizen, app)
    expect(sent.headers.location).toBe(`/apply/${app}/confirmation`)
    const confirmation = await citizen.follow(sent)
    const reference = /<strong>([A-Z0-9-]+)<\/strong>/.exec(confirmation.text)?.[1] ?? ''
    expect(reference).not.toBe('')
    expect(confirmation.text).toMatch(
      new RegExp(`<a href="${plan}"[^>]*class="govuk-button"[^>]*>\\s*Continue with your plan`),
    )

    const after = await citizen.get(plan)
    expect(after.text).toContain(en('triage.plan.appliedTag'))
    expect(after.text).toContain(`Reference ${reference}`)
    // The real task is done: no second "Apply now" for it.
    expect(after.text).not.toContain(`href="/apply/${app}"`)
  })

  it('says so in Welsh', async () => {
    const citizen = new Browserish(t.app)
    await toPlan(citizen)
    await answerAll(citizen, app)
    const confirmation = await citizen.follow(await submit(citizen, app))
    const welsh = await citizen.get(`/apply/${app}/confirmation?lang=cy`)
    expect(confirmation.status).toBe(200)
    expect(welsh.text).toContain('Parhau â’ch cynllun')
    expect((await citizen.get(`${plan}?lang=cy`)).text).toContain('Wedi’i anfon')
  })

  it('without a plan in this browser (a link from an email), the confirmation offers no plan to go back to', async () => {
    const citizen = new Browserish(t.app)
    await answerAll(citizen, app)
    const confirmation = await citizen.follow(await submit(citizen, app))
    expect(confirmation.status).toBe(200)
    expect(confirmation.text).not.toContain('Continue with your plan')
  })
})

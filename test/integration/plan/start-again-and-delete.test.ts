import { PERSONA_DAY, PERSONAS } from '../../../app/triage/personas'
import { answerSteps } from '../../../app/triage/page-states'
import { outcomeById } from '../../../app/catalogue'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { DOB } from '../applications/fixtures'
import { translator } from '../../../app/i18n/translate'

// Outcome names come from the catalogue's copy, which content designers rewrite.
const en = translator('en')
const workInCare = en('catalogue.outcomes.work-in-care.title')
const caring = en('catalogue.outcomes.caring.title')

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const persona = PERSONAS.find((p) => p.outcome === 'work-in-care')
if (!persona) throw new Error('no work-in-care persona')
const outcome = outcomeById('work-in-care')
const firstQuestion = outcome.questions[0]?.id ?? ''
const plan = '/outcomes/work-in-care/plan'

/** Answers the persona's questions as a browser without JavaScript does, ending on the plan. */
async function toPlan(browser: Browserish) {
  for (const step of answerSteps(outcome, persona?.answers ?? {}, PERSONA_DAY)) {
    if ('get' in step) await browser.get(step.get)
    else expect((await browser.post(step.post, step.form)).status).toBe(303)
  }
  const page = await browser.get(plan)
  expect(page.status).toBe(200)
  return page
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')

describe('Start again from a plan', () => {
  it('asks first, and going back keeps the plan', async () => {
    const citizen = new Browserish(t.app)
    const planPage = await toPlan(citizen)
    expect(planPage.text).toContain('href="/outcomes/work-in-care/start-again"')
    const ask = await citizen.get('/outcomes/work-in-care/start-again')
    expect(text(ask.text)).toContain('Do you want to delete your answers and start again?')
    const no = await citizen.post('/outcomes/work-in-care/start-again', { confirm: 'no' })
    expect(no.headers.location).toBe(plan)
    expect((await citizen.get(plan)).status).toBe(200)
  })

  it('without a choice, says what to do and keeps the answers', async () => {
    const citizen = new Browserish(t.app)
    await toPlan(citizen)
    await citizen.get('/outcomes/work-in-care/start-again')
    const res = await citizen.post('/outcomes/work-in-care/start-again', {})
    expect(res.status).toBe(400)
    expect(text(res.text)).toContain('Select yes if you want to delete your answers and start again')
    expect((await citizen.get(plan)).status).toBe(200)
  })

  it('clears that outcome’s answers: choosing the outcome again asks the first question, unanswered', async () => {
    const citizen = new Browserish(t.app)
    await toPlan(citizen)
    await citizen.get('/outcomes/work-in-care/start-again')
    const yes = await citizen.post('/outcomes/work-in-care/start-again', { confirm: 'yes' })
    expect(yes.headers.location).toBe(`/outcomes/work-in-care/${firstQuestion}`)
    const again = await citizen.get('/outcomes/work-in-care')
    expect(again.headers.location).toBe(`/outcomes/work-in-care/${firstQuestion}`)
    const question = await citizen.get(`/outcomes/work-in-care/${firstQuestion}`)
    expect(question.text).not.toMatch(/checked/)
    // The plan is no longer there to jump back to.
    expect((await citizen.get(plan)).headers.location).toBe(`/outcomes/work-in-care/${firstQuestion}`)
  })

  it('asks in Welsh', async () => {
    const citizen = new Browserish(t.app)
    await toPlan(citizen)
    const ask = await citizen.get('/outcomes/work-in-care/start-again?lang=cy')
    expect(text(ask.text)).toContain('Ydych chi am ddileu eich atebion a dechrau eto?')
  })
})

describe('Delete my answers, without JavaScript', () => {
  it('is linked from the footer of citizen pages, back to the page it was asked from', async () => {
    const citizen = new Browserish(t.app)
    const page = await toPlan(citizen)
    expect(page.text).toContain(`href="/session/delete?returnTo=${encodeURIComponent(plan)}"`)
    expect((await citizen.get('/?lang=cy')).text).toContain('Dileu fy atebion')
  })

  it('with nothing entered, says there is nothing to delete and offers no button', async () => {
    const page = await new Browserish(t.app).get('/session/delete')
    expect(page.status).toBe(200)
    expect(text(page.text)).toContain('There are no answers to delete')
    expect(page.text).not.toContain('action="/session/delete"')
  })

  it('lists what will go, then deletes the answers, the unsent draft and its emailed link, and says exactly that', async () => {
    const citizen = new Browserish(t.app)
    await toPlan(citizen)
    // An application started, saved and a link emailed to continue it.
    await citizen.post('/apply/dbs-basic/name', { fullName: 'Ceri Price', action: 'continue' }, '/apply/dbs-basic/name')
    const [y, m, d] = DOB.split('-') as [string, string, string]
    await citizen.post(
      '/apply/dbs-basic/date-of-birth',
      { 'dateOfBirth-day': d, 'dateOfBirth-month': m, 'dateOfBirth-year': y, action: 'save' },
      '/apply/dbs-basic/date-of-birth',
    )
    const sent = await citizen.post(
      '/apply/dbs-basic/save',
      { email: 'delete-me@example.com' },
      '/apply/dbs-basic/save',
    )
    expect(sent.headers.location).toBe('/apply/dbs-basic/saved')
    const link = (
      await t.runtime.db.get<{ personalisation: string }>(
        "SELECT personalisation FROM outbox WHERE template = 'draft-saved' AND recipient = $1",
        ['delete-me@example.com'],
      )
    )?.personalisation
    const linkPath = new URL((JSON.parse(link ?? '{}') as { link: string }).link).pathname
    expect((await new Browserish(t.app).get(linkPath)).status).toBe(200)

    const ask = await citizen.get(`/session/delete?returnTo=${encodeURIComponent(plan)}`)
    const asked = text(ask.text)
    expect(asked).toContain(`your answers: ${workInCare}`)
    expect(asked).toContain('your application that you had not sent: Request a basic DBS check')
    expect(ask.text).toContain(`href="${plan}"`)

    const drafts = async () =>
      (await t.runtime.db.all('SELECT id FROM application_drafts WHERE link_address = $1', ['delete-me@example.com']))
        .length
    expect(await drafts()).toBe(1)
    const res = await citizen.post('/session/delete', { reason: 'choice' })
    expect(res.headers.location).toBe('/session/deleted?lang=en&answers=work-in-care&applications=dbs-basic&links=1')
    const done = text((await citizen.follow(res)).text)
    expect(done).toContain('We have deleted:')
    expect(done).toContain(`your answers: ${workInCare}`)
    expect(done).toContain('your application that you had not sent: Request a basic DBS check')
    expect(done).toContain('The links we emailed you to continue these applications no longer work.')

    expect(await drafts()).toBe(0)
    expect((await new Browserish(t.app).get(linkPath)).status).toBe(410)
    // The session is gone: the plan asks the first question again.
    expect((await citizen.get(plan)).headers.location).toBe(`/outcomes/work-in-care/${firstQuestion}`)
  })

  it('a forged summary shows only what the portal knows', async () => {
    const page = await new Browserish(t.app).get('/session/deleted?answers=<script>+caring&applications=nope&links=NaN')
    const shown = text(page.text)
    expect(shown).toContain(`your answers: ${caring}`)
    expect(shown).not.toContain('script')
    expect(shown).not.toContain('no longer work')
  })
})

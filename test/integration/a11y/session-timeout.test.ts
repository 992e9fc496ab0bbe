import request from 'supertest'
import { encodeMarker, markerCookieName } from '../../../app/timeout/marker'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: '20' })
})
afterAll(() => t.close())

const question = '/outcomes/work-in-care/nation'
const marker = (minutesAgo: number, keptDraft = false, lang: 'en' | 'cy' = 'en') =>
  `${markerCookieName(false)}=${encodeMarker({ lastSeen: t.clock.millis() - minutesAgo * 60_000, lang, keptDraft }, t.config.sessionSecret)}`

describe('the idle limit without JavaScript (WCAG 2.2.1)', () => {
  it('is stated on the start page', async () => {
    const res = await request(t.app).get('/')
    expect(res.text).toContain('if you do not use the service for 20 minutes')
  })

  it('marks a session that holds answers, so an expiry can be told from a first visit', async () => {
    const citizen = new Browserish(t.app)
    const first = await citizen.get(question)
    expect(first.status).toBe(200)
    // Reading a page costs no session, so there is nothing yet to time out.
    expect(String(first.headers['set-cookie'])).not.toContain(`${markerCookieName(false)}=`)
    const answered = await citizen.post(question, { answer: 'wales' })
    expect(answered.status).toBe(303)
    expect(String(answered.headers['set-cookie'])).toContain(`${markerCookieName(false)}=`)
  })

  it('a first visit is an ordinary page, with no marker and no timeout page', async () => {
    const res = await request(t.app).get(question)
    expect(res.status).toBe(200)
    expect(res.text).not.toContain('Your answers have been deleted')
  })

  it('coming back after the limit says the answers were deleted instead of silently starting again', async () => {
    const res = await request(t.app).get(question).set('Cookie', marker(21))
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/session/timed-out?lang=en')
    const page = await request(t.app).get(res.headers.location ?? '')
    expect(page.text).toContain('<h1 class="govuk-heading-l">Your answers have been deleted</h1>')
    expect(page.text).toContain('You did not use the service for 20 minutes')
  })

  it('says so in Welsh to a citizen who was using the service in Welsh', async () => {
    const res = await request(t.app)
      .get(question)
      .set('Cookie', marker(25, false, 'cy'))
    const page = await request(t.app).get(res.headers.location ?? '')
    expect(page.text).toContain('Mae eich atebion wedi cael eu dileu')
  })

  it('tells a citizen with an application draft that it was saved', async () => {
    const res = await request(t.app).get(question).set('Cookie', marker(30, true))
    expect(res.headers.location).toBe('/session/timed-out?lang=en&kept=application')
    const page = await request(t.app).get(res.headers.location ?? '')
    expect(page.text).toContain('Your application has been saved')
    expect(page.text).toContain('href="/apply/resume"')
  })

  it('a form sent after the limit lands on the timeout page, not on "we could not save that"', async () => {
    const res = await request(t.app).post(question).type('form').send('answer=wales').set('Cookie', marker(21))
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/session/timed-out?lang=en')
  })

  it('a session ended on purpose before the limit (finish and clear, delete) is not called a timeout', async () => {
    const res = await request(t.app).get(question).set('Cookie', marker(2))
    expect(res.status).toBe(200)
    expect(String(res.headers['set-cookie'])).toContain(`${markerCookieName(false)}=;`)
  })

  it('ignores a marker that was tampered with', async () => {
    const forged = `${markerCookieName(false)}=1.en.0.forged-signature`
    const res = await request(t.app).get(question).set('Cookie', forged)
    expect(res.status).toBe(200)
  })
})

describe('the timeout warning’s actions', () => {
  it('"Stay signed in" extends the session, and without JavaScript returns to the page', async () => {
    const citizen = new Browserish(t.app)
    await citizen.get(question)
    const res = await citizen.post('/session/extend', { returnTo: question })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe(question)
  })

  it('"Stay signed in" never sends anyone to another site', async () => {
    const citizen = new Browserish(t.app)
    await citizen.get(question)
    const res = await citizen.post('/session/extend', { returnTo: '//evil.example/' })
    expect(res.headers.location).toBe('/')
  })

  it('"Delete my answers" ends the session and says so', async () => {
    const citizen = new Browserish(t.app)
    await citizen.get(question)
    await citizen.post(question, { answer: 'wales' })
    const res = await citizen.post('/session/delete', { reason: 'choice' })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/session/deleted?lang=en&answers=work-in-care')
    const page = await citizen.follow(res)
    expect(page.text).toContain('You have deleted your answers')
    const after = await citizen.get(question)
    expect(after.status).toBe(200)
    expect(after.text).not.toContain('value="wales" checked')
  })
})

import request from 'supertest'
import { findDraftByReference, type Draft } from '../../../app/applications/service/draft-repository'
import { encodeMarker, markerCookieName } from '../../../app/timeout/marker'
import { Browserish, createTestApp, csrfFrom, type TestApp } from '../../helpers/app'
import { DOB } from '../applications/fixtures'
import { liveLinkTo } from '../../helpers/resume-link'

const IDLE_MINUTES = 20
const APP = '/apply/dbs-basic'
const [YEAR, MONTH, DAY] = DOB.split('-') as [string, string, string]
const dobForm = { 'dateOfBirth-day': DAY, 'dateOfBirth-month': MONTH, 'dateOfBirth-year': YEAR }

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: String(IDLE_MINUTES) })
})
afterAll(() => t.close())

/** One cookie, `name=value`, from the Set-Cookie headers a response carried. */
function setCookie(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const headers = ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
  return headers.map((h) => h.split(';')[0] ?? '').find((c) => c.startsWith(`${name}=`))
}

/**
 * A citizen who answered four pages, saved their application for later, then opened the
 * phone page and walked away. Returns what their browser still holds: the session cookie,
 * the phone page's CSRF token, and the draft as the database had it.
 */
let saves = 0

async function savedThenIdle() {
  // A new address each time: links to one address are limited to a few a day.
  const address = `ceri${++saves}@example.com`
  const citizen = new Browserish(t.app)
  const first = await citizen.post(`${APP}/name`, { fullName: 'Ceri Price', action: 'continue' }, `${APP}/name`)
  const session = setCookie(first, 'portal-session')
  await citizen.post(`${APP}/other-names`, { otherNamesKnown: 'no', action: 'continue' }, `${APP}/other-names`)
  await citizen.post(`${APP}/date-of-birth`, { ...dobForm, action: 'continue' }, `${APP}/date-of-birth`)
  await citizen.post(`${APP}/email`, { email: 'ceri@example.com', action: 'save' }, `${APP}/email`)
  const saved = await citizen.post(`${APP}/save`, { email: address }, `${APP}/save`)
  expect(saved.headers.location).toBe(`${APP}/saved`)
  const reference = /<strong>([A-Z0-9-]+)<\/strong>/.exec((await citizen.follow(saved)).text)?.[1] ?? ''
  const phonePage = await citizen.get(`${APP}/phone`)
  const draft = await findDraftByReference(t.runtime.db, reference)
  if (!session || !draft) throw new Error('the citizen has no session or no draft')
  return { session, token: csrfFrom(phonePage.text), reference, draft, address }
}

/**
 * The idle limit passes: the server's session is gone (as the store's expiry removes it)
 * and the marker cookie was last refreshed more than the limit ago.
 */
async function expire(sessionCookie: string): Promise<string> {
  const signed = decodeURIComponent(sessionCookie.split('=')[1] ?? '')
  const sid = signed.slice(2, signed.lastIndexOf('.'))
  await new Promise<void>((resolve, reject) =>
    t.runtime.sessionStore.destroy(sid, (error?: unknown) => (error ? reject(error) : resolve())),
  )
  const lastSeen = t.clock.millis() - (IDLE_MINUTES + 1) * 60_000
  return `${markerCookieName(false)}=${encodeMarker({ lastSeen, lang: 'en', keptDraft: true }, t.config.sessionSecret)}`
}

const comparable = (d: Draft | undefined) => ({ answers: d?.answers, meta: d?.meta, expiresAt: d?.expiresAt })

describe('a form sent after the session expired, with a saved draft', () => {
  for (const browserKeptSessionCookie of [true, false]) {
    it(`keeps the draft exactly as saved and explains what happened (session cookie ${browserKeptSessionCookie ? 'still sent' : 'gone'})`, async () => {
      const { session, token, reference, draft, address } = await savedThenIdle()
      const marker = await expire(session)
      const cookies = browserKeptSessionCookie ? [session, marker] : [marker]

      // New answers on the open page, and a changed name sent from a stale tab.
      const sent = await request(t.app)
        .post(`${APP}/phone`)
        .set('Cookie', cookies)
        .type('form')
        .send({ _csrf: token, telephone: '07700 900 123', action: 'continue' })
      const renamed = await request(t.app)
        .post(`${APP}/name`)
        .set('Cookie', cookies)
        .type('form')
        .send({ _csrf: token, fullName: 'Someone Else', action: 'continue' })
      for (const res of [sent, renamed]) {
        expect(res.status).toBe(303)
        expect(res.headers.location).toBe('/session/timed-out?lang=en&kept=application&unsent=page')
      }

      // Not a dead end: the page says the application was saved, that the page just sent
      // was not, and how to continue.
      const page = await request(t.app).get(sent.headers.location ?? '')
      expect(page.status).toBe(200)
      expect(page.text).toContain('<h1 class="govuk-heading-l">Your application has been saved</h1>')
      expect(page.text).toContain('The answers on the page you had just sent were not saved')
      expect(page.text).toContain('href="/apply/resume"')

      // The draft in the database is untouched: not overwritten, not emptied, not deleted.
      expect(comparable(await findDraftByReference(t.runtime.db, reference))).toEqual(comparable(draft))
      expect(draft.answers).toMatchObject({ fullName: 'Ceri Price', dateOfBirth: DOB, email: 'ceri@example.com' })

      // Resuming by reference and date of birth sends a new link; it brings back every earlier answer.
      const again = new Browserish(t.app)
      const asked = await again.post('/apply/resume', { reference, ...dobForm }, '/apply/resume')
      expect(asked.headers.location).toBe('/apply/resume/sent')
      const linkToken = (await liveLinkTo(t.runtime.db, address)).split('/').pop() ?? ''
      const resumed = await again.post('/apply/resume/link', { token: linkToken }, `/apply/resume/${linkToken}`)
      expect(resumed.headers.location).toBe(`${APP}/task-list`)
      expect((await again.get(`${APP}/name`)).text).toContain('value="Ceri Price"')
      expect((await again.get(`${APP}/other-names`)).text).toMatch(/value="no" checked/)
      const dob = (await again.get(`${APP}/date-of-birth`)).text
      for (const value of [DAY, MONTH, YEAR].map((v) => String(Number(v))))
        expect(dob).toMatch(new RegExp(`value="${value}"`))
      expect((await again.get(`${APP}/email`)).text).toContain('value="ceri@example.com"')
      // What was sent after the limit was not applied, as the page said.
      expect((await again.get(`${APP}/phone`)).text).not.toContain('07700 900 123')
    })
  }

  it('says the same in Welsh', async () => {
    const page = await request(t.app).get('/session/timed-out?lang=cy&kept=application&unsent=page')
    expect(page.text).toContain('Nid yw’r atebion ar y dudalen roeddech newydd ei hanfon wedi cael eu cadw')
  })

  it('does not mention a sent page when the citizen only came back to look', async () => {
    const { session } = await savedThenIdle()
    const marker = await expire(session)
    const res = await request(t.app).get(`${APP}/phone`).set('Cookie', [session, marker])
    expect(res.headers.location).toBe('/session/timed-out?lang=en&kept=application')
    const page = await request(t.app).get(res.headers.location ?? '')
    expect(page.text).not.toContain('The answers on the page you had just sent')
  })
})

import { Browserish, type TestApp } from '../../helpers/app'
import { applicationsApp } from './harness'
import { DOB } from './fixtures'
import { purgeExpiredDrafts } from '../../../app/applications/service/draft-repository'
import { findByReferenceAndBirth } from '../../../app/applications/service/save-return'

interface OutboxRow {
  recipient: string
  personalisation: string
}

describe('save and come back later', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
  })
  afterAll(() => t.close())

  async function startAndSave(email = 'saver@example.com') {
    const browser = new Browserish(t.app)
    await browser.post('/apply/dbs-basic/name', { fullName: 'Ceri Price', action: 'continue' }, '/apply/dbs-basic/name')
    const [y, m, d] = DOB.split('-') as [string, string, string]
    const saved = await browser.post(
      '/apply/dbs-basic/date-of-birth',
      { 'dateOfBirth-day': d, 'dateOfBirth-month': m, 'dateOfBirth-year': y, action: 'save' },
      '/apply/dbs-basic/date-of-birth',
    )
    expect(saved.headers.location).toBe('/apply/dbs-basic/save')
    const sent = await browser.post('/apply/dbs-basic/save', { email }, '/apply/dbs-basic/save')
    expect(sent.headers.location).toBe('/apply/dbs-basic/saved')
    const page = await browser.follow(sent)
    const reference = /<strong>([A-Z0-9-]+)<\/strong>/.exec(page.text)?.[1] ?? ''
    const row = await t.runtime.db.get<OutboxRow>(
      "SELECT * FROM outbox WHERE template = 'draft-saved' AND recipient = $1 ORDER BY created_at DESC",
      [email],
    )
    const link = (JSON.parse(row?.personalisation ?? '{}') as { link?: string }).link ?? ''
    return { reference, path: new URL(link).pathname }
  }

  /** Opens an emailed link and presses Continue, as a citizen does. */
  async function useLink(browser: Browserish, path: string) {
    const page = await browser.get(path)
    if (page.status !== 200) return page
    return browser.post('/apply/resume/link', { token: path.split('/').pop() ?? '' })
  }

  it('resumes from the emailed link once, on another device, and refuses the link a second time', async () => {
    const { path } = await startAndSave('link@example.com')
    const other = new Browserish(t.app)
    const resumed = await useLink(other, path)
    expect(resumed.headers.location).toBe('/apply/dbs-basic/task-list')
    const name = await other.get('/apply/dbs-basic/name')
    expect(name.text).toContain('value="Ceri Price"')
    const reused = await new Browserish(t.app).get(path)
    expect(reused.status).toBe(410)
    expect(reused.text).toContain('This link has expired or has already been used')
  })

  it('is not used up by a mail scanner: GET and HEAD only look, the Continue button (a POST) uses it', async () => {
    const { path } = await startAndSave('scanner@example.com')
    const scanner = new Browserish(t.app)
    for (let i = 0; i < 3; i++) {
      expect((await scanner.agent.head(path)).status).toBe(200)
      expect((await scanner.get(path)).status).toBe(200)
    }
    expect(await scanner.get('/apply/dbs-basic/name')).toMatchObject({ status: 200 })
    expect((await scanner.get('/apply/dbs-basic/name')).text).not.toContain('Ceri Price')
    const citizen = new Browserish(t.app)
    expect((await useLink(citizen, path)).headers.location).toBe('/apply/dbs-basic/task-list')
    expect((await citizen.get('/apply/dbs-basic/name')).text).toContain('value="Ceri Price"')
  })

  it('gives the browser a new session id when a link attaches a draft to it', async () => {
    const { path } = await startAndSave('rotate@example.com')
    // A browser that already has a session (it answered a question), so there is an id to replace.
    const citizen = new Browserish(t.app)
    await citizen.get('/outcomes/caring/nation')
    const answered = await citizen.post('/outcomes/caring/nation', { answer: 'wales' })
    const before = /portal-session=([^;]+)/.exec(String(answered.headers['set-cookie'] ?? ''))?.[1]
    await citizen.get(path)
    const used = await citizen.post('/apply/resume/link', { token: path.split('/').pop() ?? '' })
    const after = /portal-session=([^;]+)/.exec(String(used.headers['set-cookie'] ?? ''))?.[1]
    expect(before).toBeDefined()
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
  })

  it('stores only a hash of the link token', async () => {
    const { path } = await startAndSave('hash@example.com')
    const token = path.split('/').pop() ?? ''
    const rows = await t.runtime.db.all<{ token_hash: string }>('SELECT token_hash FROM resume_tokens')
    expect(rows.some((r) => r.token_hash === token)).toBe(false)
  })

  it('sends a fresh link to the saved address for a reference and date of birth, and answers every attempt the same', async () => {
    const { reference } = await startAndSave('ref@example.com')
    const [y, m, d] = DOB.split('-') as [string, string, string]
    const links = async () =>
      (
        await t.runtime.db.all<OutboxRow>("SELECT * FROM outbox WHERE template = 'draft-saved' AND recipient = $1", [
          'ref@example.com',
        ])
      ).length
    const attempt = async (ref: string, day: string) => {
      const browser = new Browserish(t.app)
      const res = await browser.post(
        '/apply/resume',
        { reference: ref, 'dateOfBirth-day': day, 'dateOfBirth-month': m, 'dateOfBirth-year': y },
        '/apply/resume',
      )
      // Nothing is attached to the browser that asked: it holds no draft.
      expect((await browser.get('/apply/dbs-basic/name')).text).not.toContain('Ceri Price')
      return res
    }
    const sentBefore = await links()
    const wrong = await attempt(reference, '13')
    const unknown = await attempt('DBS-2222-2222', d)
    expect(await links()).toBe(sentBefore)
    const right = await attempt(reference.toLowerCase(), d)
    for (const res of [wrong, unknown, right])
      expect(res).toMatchObject({ status: 303, headers: { location: '/apply/resume/sent' } })
    expect(await links()).toBe(sentBefore + 1)
  })

  it('looks up a reference holding bytes no reference has (a NUL, a control character) as unknown, not as an error', async () => {
    // PostgreSQL refuses a NUL in text outright; the staff resume form reached the look-up with one.
    for (const reference of ["\uFFFD\t'\u0000'&", 'DBS-\u0000-2222', '\u0001'.repeat(30)])
      await expect(findByReferenceAndBirth(t.runtime.db, reference, DOB, t.clock.now())).resolves.toBeUndefined()
  })

  it('stops guessing after a few tries at one reference', async () => {
    const { reference } = await startAndSave('guess@example.com')
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const res = await new Browserish(t.app).post(
        '/apply/resume',
        { reference, 'dateOfBirth-day': String(i + 1), 'dateOfBirth-month': '1', 'dateOfBirth-year': '1980' },
        '/apply/resume',
      )
      statuses.push(res.status)
    }
    expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303])
    expect(statuses.slice(5)).toEqual([429, 429])
  })

  it('purges drafts 28 days after their last change', async () => {
    await startAndSave('purge@example.com')
    const before = await t.runtime.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM application_drafts')
    const daysOn = (days: number) => new Date(t.clock.millis() + days * 86400_000)
    expect(await purgeExpiredDrafts(t.runtime.db, daysOn(27))).toBe(0)
    expect(await purgeExpiredDrafts(t.runtime.db, daysOn(29))).toBe(Number(before?.n))
  })
})

import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { signedInClient, signInStaff } from '../../helpers/staff'
import { journeys } from '../applications/fixtures'
import { readerText } from '../../helpers/pages/reader-text'

const APP = 'dbs-basic'
const steps = journeys[APP] ?? []

/** The rows of "My cases today", one string of text per row. */
function caseRows(html: string): string[] {
  const body = /<tbody[\s\S]*?<\/tbody>/.exec(html)?.[0] ?? ''
  return [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((m) =>
    m[0]
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  )
}

/** The id in a row's "Continue" form. */
const caseIds = (html: string) =>
  [...html.matchAll(/action="\/staff\/cases\/([0-9a-f-]{36})\/continue"/g)].map((m) => m[1])

async function answer(client: Browserish, pages: typeof steps) {
  for (const [path, form] of pages) {
    await client.get(`/apply/${APP}/${path}`)
    const res = await client.post(`/apply/${APP}/${path}`, { ...form, action: 'continue' })
    if (res.status !== 303) throw new Error(`${path} answered ${res.status}`)
  }
}

describe('a day of casework: labels, “My cases today” and going back into a case', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('takes a short label on starting, refuses what is not initials or a word, and keeps what was typed', async () => {
    const { client } = await signedInClient(t, 'adviser')
    const help = { channel: 'phone', consent: 'yes' }
    for (const [label, message] of [
      ['Twenty-one characters', 'Case label must be 20 characters or fewer'],
      ['jo@example.com', 'Case label must only include letters, numbers, spaces, hyphens, apostrophes and full stops'],
      ['<b>AB</b>', 'Case label must only include letters'],
    ] as const) {
      const res = await client.post('/staff/start', { ...help, label }, '/staff/start')
      expect(res.status).toBe(400)
      expect(res.text).toContain(message)
      expect(res.text).toContain('href="#label"')
      expect(res.text).toContain(`value="${label.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`)
      // Nothing started: no banner.
      expect(res.text).not.toContain('app-assisted-compact')
    }
    const ok = await client.post('/staff/start', { ...help, label: '  Mr  B ' }, '/staff/start')
    expect(ok.status).toBe(303)
    const home = await client.get('/')
    expect(home.text).toContain('On behalf of Mr B')
    const cases = await client.get('/staff/cases')
    expect(caseRows(cases.text)).toEqual([
      expect.stringMatching(/^Mr B No application started In progress \d\d:\d\d Continue Mr B$/),
    ])
  })

  it('shows each case’s status from its application: in progress, saved, submitted', async () => {
    const { client } = await signedInClient(t, 'adviser')
    // Case 1: an application sent.
    await client.post('/staff/start', { channel: 'phone', consent: 'yes', label: 'AB' }, '/staff/start')
    await answer(client, steps)
    await client.get(`/apply/${APP}/declaration`)
    expect((await client.post(`/apply/${APP}/declaration`, { confirm: 'yes' })).status).toBe(303)
    // Case 2: an application saved for later (a link to the citizen).
    await client.post('/staff/start', { channel: 'video', consent: 'yes', label: 'CD' }, '/staff/start')
    await answer(client, steps.slice(0, 3))
    expect((await client.post(`/apply/${APP}/save`, { email: 'cd@example.com' }, `/apply/${APP}/save`)).status).toBe(
      303,
    )
    // Case 3: an application begun.
    await client.post('/staff/start', { channel: 'face-to-face', consent: 'yes', label: 'EF' }, '/staff/start')
    await answer(client, steps.slice(0, 1))
    // Case 4: nothing yet, no label.
    await client.post('/staff/start', { channel: 'phone', consent: 'yes' }, '/staff/start')

    const rows = caseRows((await client.get('/staff/cases')).text)
    // Latest first; the clock stands still, so the order among equal times is by id — compare as a set.
    expect(rows).toHaveLength(4)
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^AB Request a basic DBS check DBS-[2-9A-Z]{4}-[2-9A-Z]{4} Submitted \d\d:\d\d View AB$/),
        expect.stringMatching(/^CD Request a basic DBS check DBS-\S+ Saved \d\d:\d\d Continue CD$/),
        expect.stringMatching(/^EF Request a basic DBS check DBS-\S+ In progress \d\d:\d\d Continue EF$/),
        expect.stringMatching(/^No label No application started In progress \d\d:\d\d Continue No label$/),
      ]),
    )
    expect((await client.get('/staff/cases')).text).toContain('govuk-tag--green')
  })

  it('goes back into a case: a new session with the case’s context and its draft, answers kept', async () => {
    const { client } = await signedInClient(t, 'adviser')
    expect((await client.get('/staff/start')).text).not.toContain('You are already helping someone')
    await client.post('/staff/start', { channel: 'phone', consent: 'yes', label: 'GH' }, '/staff/start')
    await answer(client, steps.slice(0, 1))
    // Starting again while helping says first what it clears.
    expect((await client.get('/staff/start')).text).toContain('You are already helping someone')
    await client.post('/staff/start', { channel: 'video', consent: 'yes', label: 'IJ' }, '/staff/start')
    // In the second case the first one's draft is not this session's.
    expect((await client.get(`/apply/${APP}/name`)).text).not.toContain('Alys Jones')

    const list = await client.get('/staff/cases')
    const rows = caseRows(list.text)
    const gh = caseIds(list.text)[rows.findIndex((r) => r.startsWith('GH '))]
    // While helping IJ, going back to GH asks first, and asking switches nothing.
    const question = await client.post(`/staff/cases/${gh}/continue`, {})
    expect(question.status).toBe(200)
    expect(question.text).toContain('Switch to another case?')
    expect(question.text).toMatch(/Helping now\s*<\/dt>\s*<dd[^>]*>\s*IJ/)
    expect(question.text).toMatch(/Switch to\s*<\/dt>\s*<dd[^>]*>\s*GH/)
    expect((await client.get('/')).text).toContain('On behalf of IJ')
    const back = await client.post(`/staff/cases/${gh}/continue`, { confirm: 'yes' })
    expect(back.status).toBe(303)
    expect(back.headers.location).toBe(`/apply/${APP}/task-list`)
    const name = await client.get(`/apply/${APP}/name`)
    expect(name.text).toContain('value="Alys Jones"')
    expect(name.text).toContain('On behalf of GH')
    expect(name.text).toContain('by phone')

    // A case with no application goes to its own page.
    const ij = caseIds(list.text)[rows.findIndex((r) => r.startsWith('IJ '))]
    const other = await client.post(`/staff/cases/${ij}/continue`, { confirm: 'yes' }, '/staff/cases')
    expect(other.headers.location).toBe('/staff/case')
    // "Continue" on the case already open asks nothing and clears nothing.
    const same = await client.post(`/staff/cases/${ij}/continue`, {}, '/staff/cases')
    expect(same.status).toBe(303)
    expect(same.headers.location).toBe('/staff/case')
    const page = await client.get('/staff/case')
    expect(page.text).toContain('IJ')
    expect(page.text).toContain('By video call')
    expect((await client.get(`/apply/${APP}/name`)).text).not.toContain('Alys Jones')
  })

  it('lists only the adviser’s own cases from today; another adviser’s case or yesterday’s is not found', async () => {
    const a = await signedInClient(t, 'adviser')
    const b = await signedInClient(t, 'adviser')
    await a.client.post('/staff/start', { channel: 'phone', consent: 'yes', label: 'KL' }, '/staff/start')
    const theirList = await a.client.get('/staff/cases')
    const theirs = caseIds(theirList.text)[0]
    expect(theirs).toBeDefined()
    expect(readerText(theirList.text).text).toContain('KL')

    const mine = await b.client.get('/staff/cases')
    // The page's words, not its markup: a random CSP nonce can hold the letters "KL".
    expect(readerText(mine.text).text).not.toContain('KL')
    expect(mine.text).toContain('You have not helped anyone today.')
    const refused = await b.client.post(`/staff/cases/${theirs}/continue`, {}, '/staff/cases')
    expect(refused.status).toBe(404)
    expect((await b.client.get('/')).text).not.toContain('on behalf of')
    expect((await b.client.post('/staff/cases/not-a-case/continue', {}, '/staff/cases')).status).toBe(404)

    // Without the CSRF token nothing is switched.
    const forged = await a.client.agent.post(`/staff/cases/${theirs}/continue`).type('form').send('')
    expect(forged.status).toBe(403)

    // The next day (signed in again: the staff session has long ended) the case is gone from the list.
    t.clock.advance(24 * 60 * 60 * 1000)
    const nextDay = new Browserish(t.app)
    await signInStaff(nextDay, a.staff)
    expect(readerText((await nextDay.get('/staff/cases')).text).text).not.toContain('KL')
    expect((await nextDay.post(`/staff/cases/${theirs}/continue`, {}, '/staff/cases')).status).toBe(404)
  })

  it('changes the label of the case the adviser is in, with the same rules', async () => {
    const { client } = await signedInClient(t, 'adviser')
    await client.post('/staff/start', { channel: 'phone', consent: 'yes', label: 'MN' }, '/staff/start')
    expect((await client.get('/staff/case/label')).text).toContain('value="MN"')
    const bad = await client.post('/staff/case/label', { label: 'Flat 2 10 High Street' })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Case label must be 20 characters or fewer')
    const phone = await client.post('/staff/case/label', { label: '07700 900982' }, '/staff/case/label')
    expect(phone.status).toBe(400)
    expect(phone.text).toContain('Case label must include no more than 3 numbers')
    const ok = await client.post('/staff/case/label', { label: 'OP' }, '/staff/case/label')
    expect(ok.headers.location).toBe('/staff/case')
    expect((await client.get('/')).text).toContain('On behalf of OP')
    expect(caseRows((await client.get('/staff/cases')).text)[0]).toMatch(/^OP /)
    // Not in a case: nothing to change.
    const { client: idle } = await signedInClient(t, 'adviser')
    expect((await idle.get('/staff/case/label')).headers.location).toBe('/staff/cases')
  })
})

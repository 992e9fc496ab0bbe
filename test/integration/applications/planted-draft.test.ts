import { Browserish, type TestApp } from '../../helpers/app'
import { answerAll, applicationsApp } from './harness'
import { journeys, type Step } from './fixtures'
import { revokeDraftLinks } from '../../../app/applications/service/draft-ownership'
import { hashToken } from '../../../app/applications/service/resume-tokens'

interface OutboxRow {
  recipient: string
  personalisation: string
}

const VICTIM = {
  email: 'victim@example.com',
  name: 'Victoria Quill',
  nino: 'AB 12 34 56 C',
  dob: { 'dateOfBirth-day': '23', 'dateOfBirth-month': '7', 'dateOfBirth-year': '1985' },
  phone: '07700 900 456',
}
/** Anything of the victim's that an attacker's page, link or look-up must never show. */
const SECRETS = ['Victoria', 'Quill', 'AB123456C', 'AB 12 34 56 C', '1985', 'victim@example.com', '900 456', '900456']

/** The victim's answers: the fixture journey with their own details in it. */
const victimSteps: Step[] = (journeys['dbs-basic'] ?? []).map(([path, form]): Step => {
  if (path === 'name') return [path, { fullName: VICTIM.name }]
  if (path === 'date-of-birth') return [path, VICTIM.dob]
  if (path === 'national-insurance') return [path, { nino: VICTIM.nino }]
  if (path === 'email') return [path, { email: VICTIM.email }]
  if (path === 'phone') return [path, { telephone: VICTIM.phone }]
  return [path, form]
})

// The reproduced chain from issue 20: an attacker starts a draft, has it emailed to
// themselves and to a victim; the victim opens the genuine email and types their details.
// Nothing the attacker still holds — their session, their link, the reference — reads any of it.
describe('a planted draft', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
  })
  afterAll(() => t.close())

  const linkTo = async (recipient: string) => {
    const row = await t.runtime.db.get<OutboxRow>(
      "SELECT * FROM outbox WHERE template = 'draft-saved' AND recipient = $1 ORDER BY created_at DESC, id DESC",
      [recipient],
    )
    return new URL((JSON.parse(row?.personalisation ?? '{}') as { link: string }).link).pathname
  }
  const save = (browser: Browserish, email: string) =>
    browser.post('/apply/dbs-basic/save', { email }, '/apply/dbs-basic/save')

  it('gives the attacker nothing of what the victim typed', async () => {
    const attacker = new Browserish(t.app)
    await attacker.post('/apply/dbs-basic/name', { fullName: 'A Start', action: 'continue' }, '/apply/dbs-basic/name')
    expect((await save(attacker, 'attacker@example.com')).headers.location).toBe('/apply/dbs-basic/saved')
    const attackerLink = await linkTo('attacker@example.com')
    const saved = await attacker.follow(await save(attacker, VICTIM.email))
    const reference = /<strong>([A-Z0-9-]+)<\/strong>/.exec(saved.text)?.[1] ?? ''
    expect(reference).toMatch(/^DBS-/)

    // The victim opens the genuine email and fills everything in.
    const victim = new Browserish(t.app)
    const page = await victim.get(await linkTo(VICTIM.email))
    expect(page.status).toBe(200)
    const used = await victim.post('/apply/resume/link', { token: (await linkTo(VICTIM.email)).split('/').pop() ?? '' })
    expect(used.headers.location).toBe('/apply/dbs-basic/task-list')
    await answerAll(victim, 'dbs-basic', victimSteps)
    expect((await victim.get('/apply/dbs-basic/check-answers')).text).toContain(VICTIM.name)

    // Everything the attacker can still try.
    const seen: string[] = []
    const look = async (res: { status: number; text: string }) => {
      seen.push(res.text)
      return res
    }
    for (const path of ['task-list', 'check-answers', 'declaration', 'confirmation', 'saved', 'save', 'name'])
      await look(await attacker.get(`/apply/dbs-basic/${path}`))
    for (const [path] of victimSteps) await look(await attacker.get(`/apply/dbs-basic/${path}`))
    // Their own, earlier link: revoked when the victim's was sent.
    expect((await look(await attacker.get(attackerLink))).status).toBe(410)
    const replay = await attacker.post(
      '/apply/resume/link',
      { token: attackerLink.split('/').pop() ?? '' },
      '/apply/resume',
    )
    expect((await look(replay)).status).toBe(410)
    // Trying to save again from their session: they hold no draft any more.
    const again = await attacker.post(
      '/apply/dbs-basic/save',
      { email: 'attacker@example.com' },
      '/apply/dbs-basic/name',
    )
    expect(again.headers.location).toBe('/apply/dbs-basic/task-list')
    // The reference and the victim's real date of birth: only a link to the victim's own address.
    const sentBefore = (await t.runtime.db.all("SELECT id FROM outbox WHERE recipient = 'attacker@example.com'")).length
    const byReference = await attacker.post('/apply/resume', { reference, ...VICTIM.dob }, '/apply/resume')
    expect(byReference.headers.location).toBe('/apply/resume/sent')
    await look(await attacker.follow(byReference))
    for (const path of ['task-list', 'check-answers', 'name', 'national-insurance'])
      await look(await attacker.get(`/apply/dbs-basic/${path}`))
    expect((await t.runtime.db.all("SELECT id FROM outbox WHERE recipient = 'attacker@example.com'")).length).toBe(
      sentBefore,
    )

    const everything = seen.join('\n')
    for (const secret of SECRETS) expect(everything).not.toContain(secret)
    // And the victim still has their draft.
    expect((await victim.get('/apply/dbs-basic/check-answers')).text).toContain(VICTIM.name)
  })

  it('limits links per session, per draft and per email address, with a GOV.UK error', async () => {
    const citizen = new Browserish(t.app)
    await citizen.post('/apply/dbs-basic/name', { fullName: 'Limit Test', action: 'continue' }, '/apply/dbs-basic/name')
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await save(citizen, `limit${i}@example.com`)).status)
    expect(statuses).toEqual([303, 303, 303, 429])
    const refused = await save(citizen, 'limit9@example.com')
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBeDefined()
    expect(refused.text).toContain('govuk-error-summary')
    expect(refused.text).toContain('You have asked for too many links')

    // Per address: three drafts from three sessions to one inbox, then no more.
    const inbox: number[] = []
    for (let i = 0; i < 4; i++) {
      const other = new Browserish(t.app)
      await other.post('/apply/dbs-basic/name', { fullName: `Inbox ${i}`, action: 'continue' }, '/apply/dbs-basic/name')
      inbox.push((await save(other, 'Same.Inbox@example.com ')).status)
    }
    expect(inbox).toEqual([303, 303, 303, 429])
  })

  it('offers a way to revoke every link to a draft (for "Delete my answers")', async () => {
    const citizen = new Browserish(t.app)
    await citizen.post('/apply/dbs-basic/name', { fullName: 'Revoke', action: 'continue' }, '/apply/dbs-basic/name')
    await save(citizen, 'revoke@example.com')
    const link = await linkTo('revoke@example.com')
    const row = await t.runtime.db.get<{ draft_id: string }>(
      'SELECT draft_id FROM resume_tokens WHERE token_hash = $1',
      [hashToken(link.split('/').pop() ?? '')],
    )
    expect(await revokeDraftLinks(t.runtime.db, row?.draft_id ?? '')).toBe(1)
    expect((await new Browserish(t.app).get(link)).status).toBe(410)
  })
})

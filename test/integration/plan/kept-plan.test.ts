import { CATALOGUE, outcomeById } from '../../../app/catalogue'
import { translator } from '../../../app/i18n/translate'
import { formatDate } from '../../../app/i18n/format'
import { PERSONA_DAY, PERSONAS } from '../../../app/triage/personas'
import { planFor } from '../../../app/triage/plan'
import { planTasks } from '../../../app/triage/plan-tasks'
import { hashLinkToken } from '../../../app/triage/service/link-token'
import { purgeExpired } from '../../../app/retention/purge'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { TEST_NOW } from '../../helpers/clock'
import { keepByEmail, toPersonaPlan } from '../../helpers/kept-plan'

const first = PERSONAS[0]
if (!first) throw new Error('no personas')
const persona = first
const outcome = outcomeById(persona.outcome)
const plan = `/outcomes/${outcome.id}/plan`
const tasks = planTasks(planFor(outcome, CATALOGUE.services, persona.answers, PERSONA_DAY))
const en = translator('en')
const cy = translator('cy')
const DAY = 86_400_000

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())
beforeEach(() => t.clock.set(TEST_NOW))

const toPlan = (browser: Browserish, lang = 'en') => toPersonaPlan(browser, persona, lang)

/** Keeps the plan by email from a browser with a finished plan, and checks it went to the "sent" page. */
async function keep(browser: Browserish, email: string, lang = 'en') {
  const kept = await keepByEmail(t.runtime.db, browser, persona, email, lang)
  expect(kept.sent.status).toBe(303)
  expect(kept.sent.headers.location).toBe(`${plan}/emailed`)
  return kept
}

const heading = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim()

describe('email me this plan', () => {
  it('is offered on the plan, asks for an address in the GOV.UK way, and sends the link through the outbox', async () => {
    const citizen = new Browserish(t.app)
    const page = await toPlan(citizen)
    expect(page.text).toContain(`href="${plan}/email"`)
    const empty = await citizen.post(`${plan}/email`, { email: '' }, `${plan}/email`)
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('govuk-error-summary')
    expect(empty.text).toContain('Enter your email address')
    const wrong = await citizen.post(`${plan}/email`, { email: 'not-an-address' })
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('Enter an email address in the correct format, like name@example.com')
    expect(wrong.text).toContain('value="not-an-address"')

    const { sent, token, url } = await keep(citizen, 'kept@example.com')
    const confirmation = await citizen.follow(sent)
    expect(heading(confirmation.text)).toBe(en('triage.keep.sentTitle'))
    expect(confirmation.text).toContain('kept@example.com')
    const until = formatDate(new Date(TEST_NOW.getTime() + 28 * DAY), 'en')
    expect(confirmation.text).toContain(`The link works for 28 days, until ${until}.`)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(url).toMatch(/\?lang=en$/)
    // Only the hash is stored: the database cannot make a working link.
    const row = await t.runtime.db.get<{ token_hash: string; email: string; language: string }>(
      'SELECT token_hash, email, language FROM kept_plans WHERE token_hash = $1',
      [hashLinkToken(token)],
    )
    expect(row).toEqual({ token_hash: hashLinkToken(token), email: 'kept@example.com', language: 'en' })
    expect(await t.runtime.db.get('SELECT id FROM kept_plans WHERE token_hash = $1', [token])).toBeUndefined()
    // The audit trail says a citizen kept a plan online, and nothing about whom it went to.
    expect(
      await t.runtime.db.all(
        "SELECT actor_type, actor_id, reference, channel FROM audit_events WHERE action = 'plan-kept'",
      ),
    ).toContainEqual({ actor_type: 'citizen', actor_id: null, reference: null, channel: 'online' })
  })

  it('reopens the plan in Welsh, as it was kept, in a fresh browser with no session', async () => {
    const { url } = await keep(new Browserish(t.app), 'welsh@example.com', 'cy')
    expect(url).toMatch(/\?lang=cy$/)
    // The email names the plan and its last day in Welsh, as the citizen reads them on the page.
    const email = await t.runtime.db.get<{ personalisation: string }>(
      "SELECT personalisation FROM outbox WHERE template = 'plan-kept' AND recipient = $1",
      ['welsh@example.com'],
    )
    expect(JSON.parse(email?.personalisation ?? '{}')).toMatchObject({
      title: cy(`catalogue.outcomes.${outcome.id}.title`),
      expiresOn: formatDate(new Date(TEST_NOW.getTime() + 28 * DAY), 'cy'),
      locale: 'cy',
    })
    const fresh = new Browserish(t.app)
    const opened = await fresh.get(url)
    expect(opened.status).toBe(200)
    expect(opened.text).toContain('<html lang="cy"')
    expect(opened.text).toContain(cy('triage.kept.markDone'))
    expect(opened.text).toContain(cy('triage.kept.progress', { done: '0', total: String(tasks.length) }))
    // Reading the plan makes no session.
    expect(String(opened.headers['set-cookie'] ?? '')).not.toContain('portal-session=')
  })

  it('works until the moment it expires, then gives the same page as a link never issued', async () => {
    const { url } = await keep(new Browserish(t.app), 'expiry@example.com')
    const unknown = await new Browserish(t.app).get(`/plan/kept/${'B'.repeat(43)}`)
    expect(unknown.status).toBe(404)
    t.clock.advance(28 * DAY - 1)
    expect((await new Browserish(t.app).get(url)).status).toBe(200)
    t.clock.advance(1)
    const expired = await new Browserish(t.app).get(url)
    expect(expired.status).toBe(404)
    expect(heading(expired.text)).toBe(heading(unknown.text))
    expect(heading(expired.text)).toBe(en('triage.kept.unavailableTitle'))
  })

  it('can be stopped from the kept plan, after a confirmation; then it opens nothing and the address is gone', async () => {
    const { url, path, token } = await keep(new Browserish(t.app), 'stop@example.com')
    const other = new Browserish(t.app)
    const opened = await other.get(url)
    expect(opened.text).toContain(`href="${path}/stop"`)
    const ask = await other.get(`${path}/stop`)
    expect(heading(ask.text) ?? ask.text).toContain(en('triage.kept.stopTitle'))
    const none = await other.post(`${path}/stop`, {})
    expect(none.status).toBe(400)
    expect(none.text).toContain(en('triage.kept.stopError'))
    const no = await other.post(`${path}/stop`, { confirm: 'no' }, `${path}/stop`)
    expect(no.headers.location).toBe(path)
    expect((await other.get(url)).status).toBe(200)
    const yes = await other.post(`${path}/stop`, { confirm: 'yes' }, `${path}/stop`)
    expect(yes.headers.location).toBe('/plan/kept/stopped')
    expect((await other.follow(yes)).status).toBe(200)
    const after = await new Browserish(t.app).get(url)
    expect(after.status).toBe(404)
    const never = 'C'.repeat(43)
    const unknown = await new Browserish(t.app).get(`/plan/kept/${never}?lang=en`)
    // The same page, byte for byte, but for the per-request nonce and the address itself (in the footer's links).
    const bare = (html: string, tokenIn: string) => html.replace(/nonce="[^"]+"/g, '').replaceAll(tokenIn, 'TOKEN')
    expect(bare(after.text, token)).toBe(bare(unknown.text, never))
    expect(
      await t.runtime.db.get('SELECT email FROM kept_plans WHERE token_hash = $1', [hashLinkToken(token)]),
    ).toEqual({ email: '' })
    // Its own pages are gone too.
    expect((await new Browserish(t.app).get(`${path}/stop`)).status).toBe(404)
  })

  it('marks things done and back, one form each, and counts them', async () => {
    const { url, path } = await keep(new Browserish(t.app), 'done@example.com')
    const [first, second] = tasks
    if (!first || !second) throw new Error('the persona’s plan has fewer than two things to do')
    const other = new Browserish(t.app)
    await other.get(url)
    const marked = await other.post(`${path}/done`, { mark: `done:${first.id}` })
    expect(marked.status).toBe(303)
    expect(marked.headers.location).toBe(`${path}#do-${first.id}`)
    await other.get(url)
    await other.post(`${path}/done`, { mark: `done:${second.id}` })
    const page = await other.get(url)
    expect(page.text).toContain(en('triage.kept.progress', { done: '2', total: String(tasks.length) }))
    await other.post(`${path}/done`, { mark: `undone:${first.id}` })
    // Something not on the plan is ignored.
    await other.get(url)
    const stray = await other.post(`${path}/done`, { mark: 'done:not-a-task' })
    expect(stray.headers.location).toBe(path)
    expect((await other.get(url)).text).toContain(
      en('triage.kept.progress', { done: '1', total: String(tasks.length) }),
    )
  })

  it('limits emails to one address', async () => {
    const citizen = new Browserish(t.app)
    for (let i = 0; i < 3; i++) await keep(citizen, 'flood@example.com')
    const refused = await citizen.post(`${plan}/email`, { email: 'flood@example.com' }, `${plan}/email`)
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('You have asked for too many emails')
  })

  it('"Delete my answers" says it deletes the kept plan, then deletes it and its link', async () => {
    const citizen = new Browserish(t.app)
    const { url, token } = await keep(citizen, 'forget@example.com')
    const asked = await citizen.get('/session/delete')
    const line = en('timeout.deletedItems.keptPlan', { outcome: en(`catalogue.outcomes.${outcome.id}.title`) })
    expect(asked.text).toContain(line.split(':')[0])
    const deleted = await citizen.post('/session/delete', { reason: 'choice' })
    const page = await citizen.follow(deleted)
    expect(page.text).toContain(line.split(':')[0])
    expect(await t.runtime.db.get('SELECT id FROM kept_plans WHERE token_hash = $1', [hashLinkToken(token)])).toBe(
      undefined,
    )
    expect((await new Browserish(t.app).get(url)).status).toBe(404)
  })

  it('is purged when its link expires, and at once when stopped', async () => {
    const policy = t.config.retention
    // What the earlier tests stopped goes at once, whatever the date.
    await purgeExpired(t.runtime.db, policy, TEST_NOW)
    expect(await t.runtime.db.get('SELECT id FROM kept_plans WHERE revoked_at IS NOT NULL')).toBeUndefined()
    const { token } = await keep(new Browserish(t.app), 'purge@example.com')
    expect((await purgeExpired(t.runtime.db, policy, new Date(TEST_NOW.getTime() + 28 * DAY - 1))).keptPlans).toBe(0)
    const purged = await purgeExpired(t.runtime.db, policy, new Date(TEST_NOW.getTime() + 28 * DAY))
    expect(purged.keptPlans).toBeGreaterThanOrEqual(1)
    expect(await t.runtime.db.get('SELECT id FROM kept_plans WHERE token_hash = $1', [hashLinkToken(token)])).toBe(
      undefined,
    )
  })
})

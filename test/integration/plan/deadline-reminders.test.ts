import { outcomeById, type Answers } from '../../helpers/triage'
import { answerSteps } from '../../../app/triage/page-states'
import { PERSONA_DAY } from '../../../app/triage/personas'
import { deliverDue } from '../../../app/notify/deliver'
import type { Notifier } from '../../../app/notify/notifier'
import { createLogger } from '../../../app/logger'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { TEST_NOW } from '../../helpers/clock'

/**
 * Deadline reminders from "Email me this plan", through HTTP and the outbox worker, with the
 * injected clock. The test app's clock stands on 30 November 2026 at 10:00 UTC. A widow in
 * Scotland whose husband died on 27 November must register the death within 8 days: by
 * 5 December, so the reminder is due at 09:00 UTC on 3 December (two days before). Worked out
 * by hand from the rules, not read from the portal.
 */
const DUE = new Date('2026-12-03T09:00:00.000Z')
const plan = '/outcomes/bereavement/plan'
const scottishWidow: Answers = {
  died: 'scotland',
  'date-of-death': '2026-11-27',
  live: 'scotland',
  relationship: 'spouse-or-civil-partner',
  'date-of-birth': '1980-05-05',
  'their-children': 'yes',
  already: ['child-benefit'],
  'paying-for-funeral': 'no',
}

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())
beforeEach(() => t.clock.set(TEST_NOW))

const logger = createLogger('silent')
/** The emails the worker hands to Notify, as "template recipient". */
let sent: { template: string; recipient: string; personalisation: Readonly<Record<string, string>> }[] = []
const notifier: Notifier = {
  kind: 'local',
  send: async (template, recipient, personalisation) => void sent.push({ template, recipient, personalisation }),
}
beforeEach(() => {
  sent = []
})
const deliver = () => deliverDue(t.runtime.db, notifier, logger, t.clock.now)
/** The reminder emails waiting in the outbox for an address. */
const waiting = (email: string) =>
  t.runtime.db.all<{ next_attempt_at: string }>(
    "SELECT next_attempt_at FROM outbox WHERE template = 'deadline-reminder' AND status = 'pending' AND recipient = $1",
    [email],
  )
const remindersTo = (email: string) => sent.filter((s) => s.template === 'deadline-reminder' && s.recipient === email)

async function toPlan(browser: Browserish, answers: Answers) {
  for (const step of answerSteps(outcomeById('bereavement'), answers, PERSONA_DAY)) {
    if ('get' in step) await browser.get(step.get)
    else expect((await browser.post(step.post, step.form)).status).toBe(303)
  }
}

/** Keeps the plan by email, with or without reminders; returns the kept link's token and the reminder's stop link. */
async function keep(browser: Browserish, email: string, reminders: boolean, answers = scottishWidow) {
  await toPlan(browser, answers)
  const form = await browser.get(`${plan}/email`)
  const posted = await browser.post(`${plan}/email`, reminders ? { email, reminders: 'yes' } : { email })
  expect(posted.status).toBe(303)
  const rows = await t.runtime.db.all<{ template: string; personalisation: string }>(
    'SELECT template, personalisation FROM outbox WHERE recipient = $1 ORDER BY created_at, template',
    [email],
  )
  const read = (template: string) =>
    JSON.parse(rows.find((r) => r.template === template)?.personalisation ?? '{}') as Record<string, string>
  const link = new URL(read('plan-kept').link ?? 'https://x/')
  return { form: form.text, token: link.pathname.split('/').pop() ?? '', stop: read('deadline-reminder').stop }
}

describe('deadline reminders', () => {
  it('are offered, off by default, where a deadline on the plan can be reminded of', async () => {
    const { form } = await keep(new Browserish(t.app), 'offered@example.com', false)
    expect(form).toContain('Email me a reminder before a deadline')
    expect(form).toMatch(/<input[^>]*name="reminders"[^>]*value="yes"(?![^>]*checked)[^>]*>/)
    expect(
      await t.runtime.db.all('SELECT id FROM outbox WHERE template = $1 AND recipient = $2', [
        'deadline-reminder',
        'offered@example.com',
      ]),
    ).toEqual([])
  })

  it('are not offered when no deadline can be reminded of before the link expires', async () => {
    // Northern Ireland: registering is due by 2 December, whose reminder time has gone.
    const { form } = await keep(new Browserish(t.app), 'none@example.com', false, {
      ...scottishWidow,
      died: 'northern-ireland',
      live: 'northern-ireland',
    })
    expect(form).not.toContain('name="reminders"')
  })

  it('is sent once, at its time, by the outbox worker, in the plan’s words and with a stop link', async () => {
    await keep(new Browserish(t.app), 'once@example.com', true)
    expect(await waiting('once@example.com')).toEqual([{ next_attempt_at: DUE.toISOString() }])
    await deliver()
    expect(sent.map((s) => s.template)).toContain('plan-kept')
    expect(remindersTo('once@example.com')).toEqual([])
    t.clock.set(new Date(DUE.getTime() - 1000))
    await deliver()
    expect(remindersTo('once@example.com')).toEqual([])
    t.clock.set(DUE)
    await deliver()
    t.clock.advance(60 * 60 * 1000)
    await deliver()
    const reminders = remindersTo('once@example.com')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.personalisation).toMatchObject({
      service: 'Register the death in Scotland',
      deadline: 'Register the death by 5 December 2026',
      locale: 'en',
    })
    expect(reminders[0]?.personalisation.link).toMatch(/\/plan\/kept\/[A-Za-z0-9_-]{43}\?lang=en$/)
    expect(reminders[0]?.personalisation.stop).toMatch(/\/reminders\/stop\/[A-Za-z0-9_-]{43}\?lang=en$/)
  })

  it('past the payment’s first 3 months, reminds of the late claim’s last day, in the plan’s words', async () => {
    // Died 10 March 2025: all of Bereavement Support Payment needed a claim by 10 June 2025;
    // a late claim runs to 10 December 2026 (21 months), so the reminder is due on 8 December.
    const due = new Date('2026-12-08T09:00:00.000Z')
    await keep(new Browserish(t.app), 'late@example.com', true, { ...scottishWidow, 'date-of-death': '2025-03-10' })
    expect(await waiting('late@example.com')).toEqual([{ next_attempt_at: due.toISOString() }])
    t.clock.set(due)
    await deliver()
    expect(remindersTo('late@example.com').map((r) => r.personalisation.deadline)).toEqual([
      'To get it all, the claim was due by 10 June 2025. You can still claim until 10 December 2026, 21 months after the death, but you get less: the first payment is only paid on a claim made within 12 months of the death.',
    ])
  })

  it('is not sent after the stop link is used; opening the link alone stops nothing', async () => {
    const citizen = new Browserish(t.app)
    const { stop } = await keep(citizen, 'stop@example.com', true)
    expect(await waiting('stop@example.com')).toHaveLength(1)
    const path = new URL(stop ?? 'https://x/').pathname
    // A mail scanner or preview opening the link: a page with a button, nothing stopped.
    const opened = await new Browserish(t.app).get(path)
    expect(opened.status).toBe(200)
    expect(opened.text).toContain('Stop deadline reminders?')
    expect(await waiting('stop@example.com')).toHaveLength(1)
    const scanner = new Browserish(t.app)
    await scanner.get(path)
    const stopped = await scanner.post(path, {})
    expect(stopped.status).toBe(303)
    expect(stopped.headers.location).toBe('/reminders/stopped')
    expect((await scanner.follow(stopped)).text).toContain('Reminders stopped')
    // Stopping again changes nothing and says the same.
    expect((await scanner.post(path, {}, path)).headers.location).toBe('/reminders/stopped')
    t.clock.set(DUE)
    await deliver()
    expect(remindersTo('stop@example.com')).toEqual([])
    // The waiting email is gone, address and all.
    expect(
      await t.runtime.db.all('SELECT id FROM outbox WHERE recipient = $1 AND template = $2', [
        'stop@example.com',
        'deadline-reminder',
      ]),
    ).toEqual([])
  })

  it('is not sent after the kept link is stopped', async () => {
    const citizen = new Browserish(t.app)
    const { token } = await keep(citizen, 'revoke@example.com', true)
    expect(await waiting('revoke@example.com')).toEqual([{ next_attempt_at: DUE.toISOString() }])
    const stopLink = `/plan/kept/${token}/stop`
    expect((await citizen.post(stopLink, { confirm: 'yes' }, stopLink)).status).toBe(303)
    t.clock.set(DUE)
    await deliver()
    expect(remindersTo('revoke@example.com')).toEqual([])
  })

  it('is not sent once its thing is marked done, and marking it not done does not bring it back', async () => {
    const citizen = new Browserish(t.app)
    const { token } = await keep(citizen, 'marked@example.com', true)
    const path = `/plan/kept/${token}`
    const buttons = [...(await citizen.get(path)).text.matchAll(/value="done:([a-z0-9-]+)"/g)].map((m) => m[1])
    expect(buttons).toContain('register-death')
    const other = buttons.find((id) => id !== 'register-death')
    // Another thing marked done leaves the registration's reminder waiting.
    expect((await citizen.post(`${path}/done`, { mark: `done:${other}` }, path)).status).toBe(303)
    expect(await waiting('marked@example.com')).toHaveLength(1)
    expect((await citizen.post(`${path}/done`, { mark: 'done:register-death' }, path)).status).toBe(303)
    expect(await waiting('marked@example.com')).toEqual([])
    expect((await citizen.post(`${path}/done`, { mark: 'undone:register-death' }, path)).status).toBe(303)
    t.clock.set(DUE)
    await deliver()
    expect(remindersTo('marked@example.com')).toEqual([])
  })

  it('is not sent after "Delete my answers"', async () => {
    const citizen = new Browserish(t.app)
    await keep(citizen, 'forget@example.com', true)
    expect(await waiting('forget@example.com')).toHaveLength(1)
    const deleted = await citizen.post('/session/delete', {}, '/session/delete')
    expect(deleted.status).toBe(303)
    t.clock.set(DUE)
    await deliver()
    expect(remindersTo('forget@example.com')).toEqual([])
  })

  it('reject a stop link of the wrong shape as not found', async () => {
    expect((await new Browserish(t.app).get('/reminders/stop/not-a-token')).status).toBe(404)
  })
})

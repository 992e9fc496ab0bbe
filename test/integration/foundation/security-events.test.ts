import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { LogCapture } from '../../helpers/log-capture'
import { createStaff } from '../../helpers/staff'

// Security events are read from the log output itself, as whoever watches the service reads them.
describe('security events in the log', () => {
  let t: TestApp
  const log = new LogCapture()

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'info' }, { logDestination: log.stream })
  })
  afterAll(() => t.close())
  beforeEach(() => log.clear())

  it('logs a CSRF failure in a session holding work, and answers with the GOV.UK page, not a bare text page or a stack', async () => {
    const citizen = new Browserish(t.app)
    await citizen.post('/apply/dbs-basic/name', { fullName: 'Ceri Price', action: 'continue' }, '/apply/dbs-basic/name')
    log.clear()
    const forged = await citizen.agent.post('/apply/dbs-basic/name').type('form').send('fullName=Mallory&_csrf=forged')
    expect(forged.status).toBe(403)
    expect(forged.type).toBe('text/html')
    expect(forged.text).toContain('govuk-template__body')
    expect(forged.text).toContain('Sorry, we could not save that')
    expect(forged.text).toContain('name="_csrf"')
    const [event, ...more] = log.events('csrf-failure')
    expect(more).toHaveLength(0)
    expect(event).toMatchObject({ level: 40, method: 'POST', route: '/apply/dbs-basic/name' })
    expect(typeof event?.source).toBe('string')
    // No error line, and nothing like a stack trace anywhere in what was logged.
    expect(log.lines.filter((l) => Number(l.level) >= 50)).toEqual([])
    expect(log.raw.join('\n')).not.toMatch(/\bat [\w.<>]+ \(/)
    expect(Math.max(...log.raw.map((l) => l.length))).toBeLessThan(1000)
  })

  it('names the shape of a forged path, never a token or reference in it', async () => {
    const forged = await new Browserish(t.app).agent.post('/apply/resume/AbCdEf0123456789_-xyz').type('form').send('')
    expect(forged.status).toBe(403)
    expect(log.events('csrf-failure')[0]).toMatchObject({ route: '/apply/resume/:value' })
    expect(log.raw.join('\n')).not.toContain('AbCdEf0123456789')
  })

  it('logs a rate-limit refusal with the limit that refused', async () => {
    for (let i = 0; i < 6; i++) {
      await new Browserish(t.app).post(
        '/apply/resume',
        { reference: 'DBS-2222-3333', 'dateOfBirth-day': '1', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1980' },
        '/apply/resume',
      )
    }
    expect(log.events('rate-limit-refused')).toEqual([
      expect.objectContaining({ level: 40, limit: 'resume-reference', route: '/apply/resume' }),
    ])
    expect(log.raw.join('\n')).not.toMatch(/DBS-?2222/)
  })

  it('logs staff sign-in failures, the lock-out and a success by account id, never by email address', async () => {
    const staff = await createStaff(t, 'adviser')
    const other = await createStaff(t, 'adviser')
    const client = new Browserish(t.app)
    await client.post('/staff/sign-in', { email: 'nobody@staff.test', password: 'wrong-password-1' }, '/staff/sign-in')
    for (let i = 0; i < 6; i++)
      await client.post('/staff/sign-in', { email: staff.email, password: 'wrong-password-2' })
    await client.post('/staff/sign-in', { email: other.email, password: other.password })
    const code = await other.nextCode()
    const wrong = code === '111111' ? '222222' : '111111'
    await client.post('/staff/sign-in/code', { code: wrong }, '/staff/sign-in/code')
    await client.post('/staff/sign-in/code', { code })
    expect(log.events('sign-in-failure')).toEqual([
      expect.objectContaining({ reason: 'unknown-account' }),
      ...Array.from({ length: 5 }, () => expect.objectContaining({ reason: 'wrong-password', staffId: staff.id })),
      expect.objectContaining({ reason: 'second-factor', staffId: other.id }),
    ])
    expect(log.events('lock-out')).toEqual([
      expect.objectContaining({ limit: 'staff-sign-in-account-address', staffId: staff.id }),
    ])
    expect(log.events('sign-in-success')).toEqual([expect.objectContaining({ level: 30, staffId: other.id })])
    const all = log.raw.join('\n')
    for (const personal of [
      staff.email,
      other.email,
      'nobody@staff.test',
      '127.0.0.1',
      '::ffff:127.0.0.1',
      code,
      wrong,
    ])
      expect(all).not.toContain(personal)
  })
})

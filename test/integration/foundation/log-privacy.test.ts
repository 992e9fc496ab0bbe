import request from 'supertest'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { LogCapture } from '../../helpers/log-capture'
import { apiKeysConfig, TEST_SUBMISSIONS_API_KEY } from '../../helpers/submissions-api'
import { liveLinkTo } from '../../helpers/resume-link'
import { signedInClient } from '../../helpers/staff'
import { DOB, journeys } from '../applications/fixtures'
import { answerAll, submit } from '../applications/harness'
import { PERSONAS } from '../../../app/triage/personas'
import { keepByEmail } from '../../helpers/kept-plan'

const SAVE_EMAIL = 'private.person@example.com'
const KEEP_EMAIL = 'keeps.a.plan@example.com'

// Issue 20, item 5: no token, email address, reference or personal answer in any log line.
// The log is read as the operator's log shipper reads it, at the most talkative level, after
// a day's worth of what citizens, staff and providers do, errors included.
describe('what the log never holds', () => {
  let t: TestApp
  const log = new LogCapture()
  const secrets = new Set<string>()

  beforeAll(async () => {
    t = await createTestApp(
      { LOG_LEVEL: 'trace', SUBMISSIONS_API_KEYS: apiKeysConfig() },
      { logDestination: log.stream },
    )
    // A citizen claims Child Benefit: name, date of birth, NI number, address, email, phone.
    const citizen = new Browserish(t.app)
    const steps = journeys['child-benefit'] ?? []
    await answerAll(citizen, 'child-benefit', steps.slice(0, 6))
    await citizen.post('/apply/child-benefit/save', { email: SAVE_EMAIL }, '/apply/child-benefit/save')
    const saved = await citizen.get('/apply/child-benefit/saved')
    const draftReference = /<strong>([A-Z0-9-]+)<\/strong>/.exec(saved.text)?.[1] ?? ''
    secrets.add(draftReference)

    // They come back from the emailed link (the token is in the path), and it is then used up.
    const link = await liveLinkTo(t.runtime.db, SAVE_EMAIL)
    const token = link.split('/').pop() ?? ''
    secrets.add(token)
    const returning = new Browserish(t.app)
    await returning.get(link)
    await returning.post('/apply/resume/link', { token })
    await new Browserish(t.app).get(link)
    await answerAll(returning, 'child-benefit', steps.slice(6))
    const sent = await returning.follow(await submit(returning, 'child-benefit'))
    const reference = /([A-Z]{3}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(sent.text)?.[1] ?? ''
    secrets.add(reference)

    // Mistakes: a bad email and NI number typed in, a reference and date of birth that do not match.
    const clumsy = new Browserish(t.app)
    await clumsy.post(
      '/apply/child-benefit/email',
      { email: 'not-an-email@', action: 'continue' },
      '/apply/child-benefit/email',
    )
    await clumsy.post(
      '/apply/child-benefit/national-insurance',
      { nino: 'QQ 99 88 77 Z', action: 'continue' },
      '/apply/child-benefit/national-insurance',
    )
    const [y, m, d] = DOB.split('-')
    const dob = {
      'dateOfBirth-day': String(Number(d)),
      'dateOfBirth-month': String(Number(m)),
      'dateOfBirth-year': y ?? '',
    }
    await clumsy.post(
      '/apply/resume',
      { reference: draftReference, ...dob, 'dateOfBirth-year': '1901' },
      '/apply/resume',
    )
    await clumsy.get(`/apply/resume/${token}x`)
    await clumsy.get(`/no-such-page/${encodeURIComponent(SAVE_EMAIL)}`)

    // An adviser finds the saved application by reference and date of birth; a provider collects it.
    const { client: adviser } = await signedInClient(t, 'adviser')
    await adviser.post(
      '/staff/resume',
      { reference: draftReference, ...dob, channel: 'phone', consent: 'yes' },
      '/staff/resume',
    )
    await request(t.app)
      .get(`/api/v1/submissions/${reference}`)
      .set('Authorization', `Bearer ${TEST_SUBMISSIONS_API_KEY}`)
    await request(t.app).get('/api/v1/submissions').set('Authorization', `Bearer ${TEST_SUBMISSIONS_API_KEY}x`)
    secrets.add(TEST_SUBMISSIONS_API_KEY)

    // A plan is emailed (#15), reopened from its link elsewhere, a thing marked done, the link stopped and tried again.
    const persona = PERSONAS[0]
    if (!persona) throw new Error('no personas')
    const kept = await keepByEmail(t.runtime.db, new Browserish(t.app), persona, KEEP_EMAIL)
    secrets.add(kept.token)
    const phone = new Browserish(t.app)
    const opened = await phone.get(kept.url)
    const mark = /name="mark" value="([^"]+)"|value="([^"]+)" name="mark"/.exec(opened.text)
    await phone.post(`${kept.path}/done`, { mark: mark?.[1] ?? mark?.[2] ?? '' })
    await phone.post(`${kept.path}/stop`, { confirm: 'yes' }, `${kept.path}/stop`)
    await phone.get(kept.url)
  })
  afterAll(() => t.close())

  it('saw the day happen (the journey above really ran)', () => {
    expect([...secrets].every((s) => s.length > 8)).toBe(true)
    expect(log.raw.length).toBeGreaterThan(50)
    expect(log.events('resume-link-used')).toHaveLength(1)
    expect(log.events('api-read')).toHaveLength(1)
    expect(log.events('plan-kept')).toHaveLength(1)
    expect(log.events('kept-plan-stopped')).toHaveLength(1)
    expect(log.events('kept-plan-refused')).toHaveLength(1)
  })

  it('holds no token, reference or key', () => {
    const all = log.raw.join('\n')
    for (const secret of secrets) expect({ secret, found: all.includes(secret) }).toEqual({ secret, found: false })
  })

  it('holds no email address, National Insurance number, date of birth, name, phone number or postcode', () => {
    const all = log.raw.join('\n')
    const personal = [
      SAVE_EMAIL,
      KEEP_EMAIL,
      'sam@example.com',
      'not-an-email@',
      'CE123456D',
      'QQ 99 88 77 Z',
      'QQ998877Z',
      '1990-04-12',
      'Sam Patel',
      'Maya',
      '808 157 0192',
      'LS1 4AP',
      '9 Mill Lane',
    ]
    for (const value of personal) expect({ value, found: all.includes(value) }).toEqual({ value, found: false })
    // Nor anything shaped like an email address or an NI number, whatever the test typed.
    expect(all.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []).toEqual([])
    expect(all.match(/\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g) ?? []).toEqual([])
  })
})

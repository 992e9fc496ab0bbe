import { outcomeById, type Answers, type OutcomeId } from '../../helpers/triage'
import { formFor } from '../../../app/triage/page-states'
import { PERSONAS } from '../../../app/triage/personas'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { expectedPlanPage, readPlanPage } from '../../helpers/persona-plan'
import { readerText } from '../../helpers/pages/reader-text'

let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
})
afterAll(() => testApp.close())

const decode = (html: string) =>
  html
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
const cardTitles = (html: string) =>
  [...html.matchAll(/<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)<\/a><\/h3>/g)].map(
    (m) => decode(m[1] ?? ''),
  )
const backLink = (html: string) => /<a href="([^"]+)" class="govuk-back-link"/.exec(html)?.[1]

/** Answers the questions the portal asks, in the order it asks them, until it shows the plan. */
async function complete(browser: Browserish, outcome: OutcomeId, answers: Answers) {
  let res = await browser.follow(await browser.get(`/outcomes/${outcome}`))
  const asked: string[] = []
  for (let guard = 0; guard < 20; guard++) {
    const path = new URL(res.request.url).pathname
    if (path.endsWith('/plan')) return { res, asked }
    const id = path.split('/').pop() ?? ''
    const question = outcomeById(outcome).questions.find((q) => q.id === id)
    const answer = answers[id]
    if (!question || answer === undefined) throw new Error(`Asked ${id}, which the persona has no answer for`)
    asked.push(id)
    const posted = await browser.post(path, formFor(question, answer))
    expect(posted.status).toBe(303)
    res = await browser.follow(posted)
  }
  throw new Error('The journey never reached the plan')
}

describe('each persona, from the outcome to the plan, through HTTP with CSRF on', () => {
  // The test app's clock stands on the personas' day, so ages are what the personas say.
  it.each(PERSONAS.map((p) => [p.id, p] as const))(
    '%s sees exactly their own expected plan: the services shown, in order, and those not shown',
    async (_id, persona) => {
      const browser = new Browserish(testApp.app)
      const { res, asked } = await complete(browser, persona.outcome, persona.answers)
      expect(res.status).toBe(200)
      expect(asked.sort()).toEqual(Object.keys(persona.answers).sort())
      expect(readPlanPage(res.text)).toEqual(expectedPlanPage(persona))
    },
  )
})

describe('question pages', () => {
  it('reject a missing answer with the GOV.UK message, an error summary and the Error: prefix', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/outcomes/work-in-care/nation')
    const res = await browser.post('/outcomes/work-in-care/nation', {})
    expect(res.status).toBe(400)
    expect(res.text).toContain('<title>Error: Where will you work?')
    expect(res.text).toContain('href="#answer">Select where you will work</a>')
    expect(res.text).toContain('<span class="govuk-visually-hidden">Error:</span> Select where you will work')
  })

  it('reject an answer that is not one of the options, and ignore unknown fields', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/outcomes/work-in-care/nation')
    expect((await browser.post('/outcomes/work-in-care/nation', { answer: 'atlantis' })).status).toBe(400)
    const ok = await browser.post('/outcomes/work-in-care/nation', {
      answer: 'wales',
      isAdmin: 'true',
      'who-you-support': 'adults',
    })
    expect(ok.headers.location).toBe('/outcomes/work-in-care/who-you-support')
  })

  it('refuse a form posted without the CSRF token', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/outcomes/caring/nation')
    const res = await browser.agent.post('/outcomes/caring/nation').type('form').send('answer=wales')
    expect(res.status).toBe(403)
  })

  it('keep what was typed in a date and explain what is wrong with it', async () => {
    const browser = new Browserish(testApp.app)
    await complete(browser, 'bereavement', {}).catch(() => undefined)
    await browser.post('/outcomes/bereavement/died', { answer: 'england' }, '/outcomes/bereavement/died')
    await browser.post(
      '/outcomes/bereavement/date-of-death',
      { 'answer-day': '27', 'answer-month': '11', 'answer-year': '2026' },
      '/outcomes/bereavement/date-of-death',
    )
    await browser.post('/outcomes/bereavement/live', { answer: 'england' }, '/outcomes/bereavement/live')
    await browser.post(
      '/outcomes/bereavement/relationship',
      { answer: 'spouse-or-civil-partner' },
      '/outcomes/bereavement/relationship',
    )
    await browser.get('/outcomes/bereavement/date-of-birth')
    const bad = await browser.post('/outcomes/bereavement/date-of-birth', {
      'answer-day': '31',
      'answer-month': '2',
      'answer-year': '1980',
    })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Date of birth must be a real date')
    expect(bad.text).toContain('value="31"')
    const future = await browser.post('/outcomes/bereavement/date-of-birth', {
      'answer-day': '1',
      'answer-month': '1',
      'answer-year': '2999',
    })
    expect(future.text).toContain('Date of birth must be in the past')
    // On the day they died (27 November 2026) or after it: kept as typed, nothing stored.
    for (const day of ['27', '28']) {
      const after = await browser.post('/outcomes/bereavement/date-of-birth', {
        'answer-day': day,
        'answer-month': '11',
        'answer-year': '2026',
      })
      expect(after.status).toBe(400)
      expect(after.text).toContain('Your date of birth must be before the date they died')
      expect(after.text).toContain(`value="${day}"`)
    }
    expect((await browser.get('/outcomes/bereavement/plan')).headers.location).toBe(
      '/outcomes/bereavement/date-of-birth',
    )
    // The day before is a date of birth (a newborn's, but a real one).
    const dayBefore = await browser.post('/outcomes/bereavement/date-of-birth', {
      'answer-day': '26',
      'answer-month': '11',
      'answer-year': '2026',
    })
    expect(dayBefore.status).toBe(303)
    // The date they died changed to before that date of birth: the date of birth is asked again.
    const changed = await browser.post('/outcomes/bereavement/date-of-death?change=true', {
      'answer-day': '20',
      'answer-month': '11',
      'answer-year': '2026',
    })
    expect(changed.headers.location).toBe('/outcomes/bereavement/date-of-birth')
    expect((await browser.get('/outcomes/bereavement/plan')).headers.location).toBe(
      '/outcomes/bereavement/date-of-birth',
    )
  })

  it('link back to the previous question on the citizen’s own path', async () => {
    const browser = new Browserish(testApp.app)
    await browser.post('/outcomes/work-in-care/nation', { answer: 'northern-ireland' }, '/outcomes/work-in-care/nation')
    await browser.post(
      '/outcomes/work-in-care/who-you-support',
      { answer: 'adults' },
      '/outcomes/work-in-care/who-you-support',
    )
    await browser.post(
      '/outcomes/work-in-care/how-you-work',
      { answer: 'self-employed' },
      '/outcomes/work-in-care/how-you-work',
    )
    // A self-employed worker in Northern Ireland has nothing to tick under "what you already
    // have", so that question is skipped, and so is the way back through it.
    const page = await browser.get('/outcomes/work-in-care/right-to-work')
    expect(backLink(page.text)).toBe('/outcomes/work-in-care/how-you-work')
    expect(backLink((await browser.get('/outcomes/work-in-care/nation')).text)).toBe('/')
  })

  it('redirect a question that is not on the path to the right one', async () => {
    const browser = new Browserish(testApp.app)
    expect((await browser.get('/outcomes/work-in-care/right-to-work')).headers.location).toBe(
      '/outcomes/work-in-care/nation',
    )
    expect((await browser.get('/outcomes/work-in-care/plan')).headers.location).toBe('/outcomes/work-in-care/nation')
    await browser.post('/outcomes/work-in-care/nation', { answer: 'northern-ireland' }, '/outcomes/work-in-care/nation')
    expect((await browser.get('/outcomes/work-in-care/already')).headers.location).toBe(
      '/outcomes/work-in-care/who-you-support',
    )
  })

  it('answer 404 for an outcome or question that does not exist', async () => {
    const browser = new Browserish(testApp.app)
    expect((await browser.get('/outcomes/space-travel')).status).toBe(404)
    expect((await browser.get('/outcomes/caring/favourite-colour')).status).toBe(404)
  })
})

describe('changing an answer from the plan', () => {
  const welsh = PERSONAS.find((p) => p.id === 'welsh-domiciliary-employee')

  it('keeps the answers that still apply, drops the rest and returns to the plan', async () => {
    const browser = new Browserish(testApp.app)
    await complete(browser, 'work-in-care', welsh?.answers ?? {})
    const change = await browser.get('/outcomes/work-in-care/nation?change=true')
    expect(backLink(change.text)).toBe('/outcomes/work-in-care/plan')
    expect(change.text).toMatch(/value="wales" checked/)
    const res = await browser.post('/outcomes/work-in-care/nation?change=true', { answer: 'scotland' })
    expect(res.headers.location).toBe('/outcomes/work-in-care/plan')
    const plan = await browser.follow(res)
    // Scotland: PVG and SSSC registration, not DBS.
    expect(cardTitles(plan.text)).toEqual([
      'Join the PVG scheme',
      'Register with the SSSC',
      'Show your passport or other documents',
    ])
    // The page's words, not its markup: a random CSP nonce can hold the letters "DBS".
    expect(readerText(plan.text).text).not.toContain('DBS')
  })

  it('asks a newly needed question before returning to the plan', async () => {
    const browser = new Browserish(testApp.app)
    const northernIrish = PERSONAS.find((p) => p.id === 'ni-self-employed')
    await complete(browser, 'work-in-care', northernIrish?.answers ?? {})
    await browser.get('/outcomes/work-in-care/nation?change=true')
    const res = await browser.post('/outcomes/work-in-care/nation?change=true', { answer: 'england' })
    expect(res.headers.location).toBe('/outcomes/work-in-care/already')
    const already = outcomeById('work-in-care').questions.find((q) => q.id === 'already')
    const next = await browser.post(
      '/outcomes/work-in-care/already',
      already ? formFor(already, ['update-service']) : {},
      '/outcomes/work-in-care/already',
    )
    expect(next.headers.location).toBe('/outcomes/work-in-care/plan')
  })
})

describe('the plan page', () => {
  it('gives the reasons behind a service in plain words, offers Apply now in the portal, and names each near miss', async () => {
    const browser = new Browserish(testApp.app)
    const { res } = await complete(
      browser,
      'work-in-care',
      PERSONAS.find((p) => p.id === 'welsh-domiciliary-employee')?.answers ?? {},
    )
    // Social Care Wales registration: where the job is; the employer's check: a negative.
    expect(res.text).toContain('<li>You will work in Wales.</li>')
    expect(res.text).toContain('<li>You do not have a DBS check on the Update Service.</li>')
    expect(res.text).not.toContain('Because you answered')
    expect(res.text).toContain('href="/apply/care-worker-wales"')
    expect(res.text).toContain('Services not included and why')
    // The status check is left out for the one condition that failed.
    expect(res.text).toMatch(
      /Let the person hiring you check your DBS certificate online[\s\S]*You do not have a DBS check on the Update Service\./,
    )
    // Each service has its own date; no plan-wide date and no note meant for the team.
    expect(res.text).toContain('Last checked')
    expect(res.text).not.toMatch(/Information correct as of/)
    expect(res.text).not.toContain('not yet confirmed')
    expect(res.text).toContain('Change<span class="govuk-visually-hidden"> Where will you work?</span>')
  })

  it('says "may" and what it depends on when the citizen was not sure', async () => {
    const browser = new Browserish(testApp.app)
    const { res } = await complete(browser, 'caring', PERSONAS.find((p) => p.id === 'wal-unsure-carer')?.answers ?? {})
    expect(res.text).toContain('You may be able to get this')
    expect(res.text).toContain('It depends on:')
    expect(res.text).toContain('<li>whether the person you care for gets a disability benefit</li>')
    expect(res.text).toContain('<li>You care for one person for 35 hours a week or more.</li>')
  })

  // An adult carer's support is the council's where the person cared for lives (Care Act 2014
  // s20(1)(a); Social Services and Well-being (Wales) Act 2014 s40(2); Carers (Scotland) Act 2016
  // s6(6)): "your council" could be the wrong one.
  it('tells an adult carer to ask the council, or in Northern Ireland the Trust, where the person they care for lives', async () => {
    const browser = new Browserish(testApp.app)
    const answers = PERSONAS.find((p) => p.id === 'sco-carer-for-father-in-england')?.answers ?? {}
    const { res } = await complete(browser, 'caring', answers)
    expect(res.text).toContain(
      '<li>The person you care for lives in England. Ask the council for the area where they live.</li>',
    )
    // Northern Ireland's Trusts: Carers and Direct Payments Act (Northern Ireland) 2002 s1(1).
    const ni = new Browserish(testApp.app)
    const { res: trust } = await complete(
      ni,
      'caring',
      PERSONAS.find((p) => p.id === 'ni-full-time-carer')?.answers ?? {},
    )
    expect(trust.text).toContain('Ask the Health and Social Care Trust for the area where they live.</li>')
  })

  it('is shown in Welsh with Welsh copy throughout', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/?lang=cy')
    const { res } = await complete(
      browser,
      'caring',
      PERSONAS.find((p) => p.id === 'eng-full-time-carer')?.answers ?? {},
    )
    expect(res.text).toContain('Eich cynllun: Gofalu am rywun')
    expect(res.text).toContain('Hawlio Lwfans Gofalwr')
  })
})

describe('the start page', () => {
  it.each([
    ['DBS', ['Work in care']],
    ['nursery', ['Get support for a child']],
    ['bereavement', ['Someone has died']],
    ['carer’s allowance', ['Caring for someone']],
    ['PIP', ['Caring for someone']],
    ['pension', ['Someone has died', 'Caring for someone']],
    ['universal credit', ['Get support for a child', 'Someone has died', 'Caring for someone']],
    ['funeral', ['Someone has died']],
    ['stillbirth', ['Someone has died']],
  ])('finds outcomes for "%s" with a GET search that needs no JavaScript', async (q, titles) => {
    const res = await new Browserish(testApp.app).get(`/?q=${encodeURIComponent(q)}`)
    const found = [...res.text.matchAll(/<a class="govuk-link" href="\/outcomes\/[^"]+">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    )
    expect(found).toEqual(titles)
  })

  it('says when nothing matches, lists everything and points to GOV.UK search', async () => {
    const res = await new Browserish(testApp.app).get('/?q=zzzz%20yyyy')
    expect(res.text).toContain('There are no results for “zzzz yyyy”.')
    expect(res.text.match(/href="\/outcomes\//g)).toHaveLength(4)
    expect(res.text).toContain(
      'href="https://www.gov.uk/search/all?keywords=zzzz%20yyyy">Search GOV.UK for “zzzz yyyy”</a>',
    )
  })

  it('searches in Welsh', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/?lang=cy')
    const res = await browser.get('/?q=angladd')
    expect(res.text).toContain('Mae rhywun wedi marw')
    expect(res.text.match(/href="\/outcomes\//g)).toHaveLength(1)
  })
})

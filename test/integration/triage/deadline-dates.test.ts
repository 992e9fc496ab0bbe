import { outcomeById, type Answers } from '../../helpers/triage'
import { answerSteps } from '../../../app/triage/page-states'
import { PERSONA_DAY } from '../../../app/triage/personas'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

/**
 * Deadlines on the plan page as days worked out from the date they died, in English and
 * Welsh. The test app's clock stands on 30 November 2026; each expected date is counted by
 * hand from the official limit (see app/triage/deadlines.ts for how).
 */
let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
})
afterAll(() => testApp.close())

const widow = (where: string, died: string): Answers => ({
  died: where,
  'date-of-death': died,
  live: where,
  relationship: 'spouse-or-civil-partner',
  'date-of-birth': '1980-05-05',
  'their-children': 'yes',
  already: ['child-benefit'],
  'paying-for-funeral': 'no',
})

async function planPage(answers: Answers, lang: 'en' | 'cy') {
  const browser = new Browserish(testApp.app)
  for (const step of answerSteps(outcomeById('bereavement'), answers, PERSONA_DAY)) {
    if ('get' in step) await browser.get(step.get)
    else if ('post' in step) expect((await browser.post(step.post, step.form)).status).toBe(303)
  }
  const res = await browser.get(`/outcomes/bereavement/plan?lang=${lang}`)
  expect(res.status).toBe(200)
  return res.text
}

describe('the date they died', () => {
  it('is asked without autocomplete tokens: it is not the citizen’s birthday', async () => {
    const browser = new Browserish(testApp.app)
    await browser.post('/outcomes/bereavement/died', { answer: 'wales' }, '/outcomes/bereavement/died')
    const page = await browser.get('/outcomes/bereavement/date-of-death')
    expect(page.status).toBe(200)
    expect(page.text).toContain('name="answer-day"')
    expect(page.text).not.toContain('autocomplete=')
  })
})

describe('deadlines as dates on the plan', () => {
  it('Northern Ireland, died 27 November 2026: register by 2 December, claim by 27 February', async () => {
    const html = await planPage(widow('northern-ireland', '2026-11-27'), 'en')
    expect(html).toContain('Register the death by 2 December 2026')
    expect(html).toContain('Claim by 27 February 2027 to get it all')
    expect(html).not.toContain('Deadline: within 5 days')
  })

  it('in Welsh, with Welsh month names', async () => {
    const html = await planPage(widow('northern-ireland', '2026-11-27'), 'cy')
    expect(html).toContain('Cofrestrwch y farwolaeth erbyn 2 Rhagfyr 2026')
    expect(html).toContain('Hawliwch erbyn 27 Chwefror 2027 i gael y cyfan')
  })

  it('Scotland, died 27 November 2026: register by 5 December (8 days)', async () => {
    const html = await planPage(widow('scotland', '2026-11-27'), 'en')
    expect(html).toContain('Register the death by 5 December 2026')
  })

  it('a passed deadline says what can still be done, and that the first payment needs a claim within 12 months', async () => {
    // gov.uk's page gives the 3 and 21 months; the first payment's 12 months are the law's
    // (legislation.gov.uk/uksi/2017/410/regulation/3, read 2026-12-06), as nidirect says for NI.
    const html = await planPage(widow('england', '2026-06-15'), 'en')
    expect(html).toContain(
      'To get it all, the claim was due by 15 September 2026. You can still claim until 15 March 2028, 21 months after the death, but you get less: the first payment is only paid on a claim made within 12 months of the death.',
    )
    // England and Wales: the 5 days count from the medical examiner's office contacting the
    // family, which the portal does not ask, so the limit stays in words, with no date.
    expect(html).toContain('Deadline: within 5 days of the medical examiner’s office contacting you')
    expect(html).not.toContain('Register the death by')
  })

  it('in Northern Ireland, says the same of the first payment', async () => {
    // nidirect.gov.uk/articles/bereavement-support-payment (read 2026-12-04); died 15 June 2026:
    // 3 months is 15 September 2026, 21 months 15 March 2028.
    const html = await planPage(widow('northern-ireland', '2026-06-15'), 'en')
    expect(html).toContain(
      'To get it all, the claim was due by 15 September 2026. You can still claim until 15 March 2028, 21 months after the death, but you get less: the first payment is only paid on a claim made within 12 months of the death.',
    )
  })

  it('once the late claim’s last day has gone too, leaves it out of the plan and says why', async () => {
    // Died 31 January 2025: 21 months on is 31 October 2026, before the test clock's 30 November.
    const html = await planPage(widow('wales', '2025-01-31'), 'en')
    expect(html).not.toMatch(/<a [^>]*>\s*Claim Bereavement Support Payment/)
    expect(html).toMatch(
      /Claim Bereavement Support Payment \(higher rate\)\s*<\/dt>\s*<dd[^>]*>\s*They died more than 21 months ago\. It must usually be claimed within 21 months of the death\. If the cause of death was confirmed only recently, call the Bereavement Service helpline: you may still be able to claim\./,
    )
    expect(html).not.toContain('The last day to claim was')
    const cy = await planPage(widow('wales', '2025-01-31'), 'cy')
    expect(cy).toContain(
      'Bu farw fwy na 21 mis yn ôl. Fel arfer, rhaid ei hawlio o fewn 21 mis i’r farwolaeth. Os cafodd achos y farwolaeth ei gadarnhau’n ddiweddar yn unig, ffoniwch linell gymorth y Gwasanaeth Profedigaeth: efallai y gallwch chi ei hawlio o hyd.',
    )
    // Died 1 March 2025, the late claim runs to 1 December 2026: still offered.
    const lastDay = await planPage(widow('wales', '2025-03-01'), 'en')
    expect(lastDay).toMatch(/<a [^>]*>\s*Claim Bereavement Support Payment/)
    expect(lastDay).toContain(
      'You can still claim until 1 December 2026, 21 months after the death, but you get less: the first payment is only paid on a claim made within 12 months of the death.',
    )
  })

  it('names the exception for a cause of death confirmed late only where the official page gives it', async () => {
    // gov.uk's eligibility page gives it (read 2026-12-05); nidirect's page gives 21 months with
    // no exception, so a widow in Northern Ireland is told the plain limit.
    const html = await planPage(widow('northern-ireland', '2025-01-31'), 'en')
    expect(html).toMatch(
      /Claim Bereavement Support Payment \(higher rate\) in Northern Ireland\s*<\/dt>\s*<dd[^>]*>\s*They died more than 21 months ago\. It must be claimed within 21 months of the death\./,
    )
    expect(html).not.toContain('Bereavement Service helpline')
  })
})

describe('Parental Bereavement Leave and Pay, taken within 56 weeks of the death', () => {
  const parent = (died: string): Answers => ({
    died: 'england',
    'date-of-death': died,
    live: 'england',
    relationship: 'parent',
    'child-age': 'under-18',
    'their-children': 'no',
    'paying-for-funeral': 'no',
  })
  const leave = /<a [^>]*>\s*Ask for Parental Bereavement Leave and Pay/

  // gov.uk/parental-bereavement-pay-leave: within 56 weeks (392 days) of the death. Counted as
  // the plan counts, from the day after: died 3 November 2025, the last day is 30 November 2026.
  it('is offered up to the last day of the 56 weeks', async () => {
    expect(await planPage(parent('2025-11-03'), 'en')).toMatch(leave)
  })

  it('is left out the day after, with the reason, in English and Welsh', async () => {
    const html = await planPage(parent('2025-11-02'), 'en')
    expect(html).not.toMatch(leave)
    expect(html).toMatch(
      /Ask for Parental Bereavement Leave and Pay\s*<\/dt>\s*<dd[^>]*>\s*They died more than 56 weeks ago\. The leave must be taken within 56 weeks of the death\./,
    )
    const cy = await planPage(parent('2025-11-02'), 'cy')
    expect(cy).toContain(
      'Bu farw fwy na 56 wythnos yn ôl. Rhaid cymryd yr absenoldeb o fewn 56 wythnos i’r farwolaeth.',
    )
  })
})

describe('Maternity or paternity leave and pay after a stillbirth, left out 21 months on', () => {
  const mother = (died: string): Answers => ({
    died: 'wales',
    'date-of-death': died,
    live: 'wales',
    relationship: 'parent',
    'child-age': 'stillborn',
    'paying-for-funeral': 'no',
  })
  const step = /<a [^>]*>\s*Ask about maternity or paternity pay/

  // No leave can still run 21 months after the birth (bereavement.yaml, `work-leave-time-passed`,
  // says why). Stillborn 1 March 2025: 21 months end on 1 December 2026, after the clock's day.
  it('is offered up to the last day of the 21 months', async () => {
    expect(await planPage(mother('2025-03-01'), 'en')).toMatch(step)
  })

  it('is left out after it, with the reason, in English and Welsh', async () => {
    const html = await planPage(mother('2025-02-28'), 'en')
    expect(html).not.toMatch(step)
    expect(html).toMatch(
      /Ask about maternity or paternity pay\s*<\/dt>\s*<dd[^>]*>\s*Your baby was born more than 21 months ago\. Maternity leave lasts up to 52 weeks/,
    )
    const cy = await planPage(mother('2025-02-28'), 'cy')
    expect(cy).toContain(
      'Cafodd eich babi ei eni fwy na 21 mis yn ôl. Mae absenoldeb mamolaeth yn para hyd at 52 wythnos',
    )
  })
})

import { outcomeById } from '../../../app/catalogue'
import { translator } from '../../../app/i18n/translate'
import { answerSteps } from '../../../app/triage/page-states'
import { PERSONA_DAY, PERSONAS, type Persona } from '../../../app/triage/personas'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

async function planOf(persona: Persona, lang: 'en' | 'cy' = 'en') {
  const browser = new Browserish(t.app)
  for (const step of answerSteps(outcomeById(persona.outcome), persona.answers, PERSONA_DAY)) {
    if ('get' in step) await browser.get(step.get)
    else expect((await browser.post(step.post, step.form)).status).toBe(303)
  }
  const res = await browser.get(`/outcomes/${persona.outcome}/plan?lang=${lang}`)
  expect(res.status).toBe(200)
  return res.text
}

const decode = (s: string) => s.replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&')
/** The things to do, as the checklist at the top lists them: text and where each link goes. */
const checklist = (html: string) =>
  [
    ...(/app-plan-checklist">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '').matchAll(
      /<a class="govuk-link" href="#([^"]+)">([^<]+)<\/a>/g,
    ),
  ].map((m) => ({ id: m[1] ?? '', text: decode(m[2] ?? '') }))

/** The checklist's entries as a citizen reads them. */
const tasks = (html: string) => checklist(html).map((i) => i.text)

/** One service's card on the plan: from its anchor to the next card, or to the end of the steps. */
const card = (html: string, id: string) =>
  new RegExp(`id="do-${id}">([\\s\\S]*?)(?:<div class="app-plan-task"|</ol>)`).exec(html)?.[1]

const persona = (id: string) => {
  const found = PERSONAS.find((p) => p.id === id)
  if (!found) throw new Error(`no persona ${id}`)
  return found
}

describe('the plan page on the step-by-step pattern', () => {
  it.each(PERSONAS.map((p) => [p.id, p] as const))(
    '%s: a numbered checklist at the top, one entry per thing on the persona’s own plan, each linking to it',
    async (_id, p) => {
      const html = await planOf(p)
      const items = checklist(html)
      if (p.plan.length === 0) {
        // Nothing to do: said in words, no empty list, and the reasons shown open.
        expect(html).toContain('<h2 class="govuk-heading-m">No services found for your answers</h2>')
        expect(html).not.toContain('app-plan-checklist')
        expect(html).toMatch(/<details class="govuk-details app-plan-details"[^>]*\bopen\b/)
        return
      }
      // The persona's expected plan (written from the rules) has one line per thing to do.
      expect(items).toHaveLength(p.plan.length)
      const heading =
        /<h2 class="govuk-heading-m">([^<]+)<\/h2>\s*<ol class="govuk-list govuk-list--number app-plan-checklist">/.exec(
          html,
        )?.[1]
      expect(heading).toBe(p.plan.length === 1 ? 'You have 1 thing to do' : `You have ${p.plan.length} things to do`)
      for (const item of items) expect(html).toContain(`id="${item.id}"`)
    },
  )

  it('each thing to do is one verb-led link to the real service, with cost, timing, reasons and sources folded away', async () => {
    const html = await planOf(persona('welsh-domiciliary-employee'))
    const tasks = html.split('class="app-plan-task"').slice(1)
    expect(tasks.length).toBeGreaterThan(0)
    for (const task of tasks) {
      const [, heading = ''] = /<h[34][^>]*>([\s\S]*?)<\/h[34]>/.exec(task) ?? []
      // Exactly one link in the heading, to the in-portal application or an official https page.
      expect(heading.match(/<a /g)).toHaveLength(1)
      expect(heading).toMatch(/href="(\/apply\/[a-z-]+|https:\/\/[^"]+)"/)
      const before = task.slice(0, task.indexOf('<details'))
      expect(before).not.toContain('Last checked')
      expect(task.slice(task.indexOf('<details'))).toContain('Last checked')
    }
    // The in-portal application is the link for its task.
    expect(html).toMatch(/<a class="govuk-link" href="\/apply\/care-worker-wales">Register/)
  })

  it('shows a deadline from the official rules where there is one', async () => {
    // Registering a death in England: within 5 days of the medical examiner's office contacting
    // you, not of the death (gov.uk/register-a-death, read 2026-12-02).
    const html = await planOf(persona('young-widow-with-children'))
    expect(html).toContain('Deadline: within 5 days of the medical examiner’s office contacting you')
    expect(html).not.toContain('within 5 days of the death')
    const cy = await planOf(persona('young-widow-with-children'), 'cy')
    expect(cy).toContain('Terfyn amser: o fewn 5 diwrnod ar ôl i swyddfa’r archwilydd meddygol gysylltu â chi')
  })

  it('tells a PVG scheme member that membership is no longer for life', async () => {
    // Five-year membership from 1 April 2026 (disclosure.gov.scot, read 2026-12-02); a member who
    // joined before then is moved across when Disclosure Scotland contacts them.
    const html = decode(await planOf(persona('scot-pvg-member-registered')))
    expect(html).toContain('Membership is no longer for life: it now lasts 5 years, then you renew it.')
    expect(html).toContain('If you joined before 1 April 2026, Disclosure Scotland will contact you about the change.')
    const cy = decode(await planOf(persona('scot-pvg-member-registered'), 'cy'))
    expect(cy).toContain('Nid yw aelodaeth am oes mwyach: mae bellach yn para 5 mlynedd')
  })

  it('offers a self-employed care worker in Northern Ireland their own enhanced check, not only a basic one', async () => {
    const html = decode(await planOf(persona('ni-self-employed')))
    // One choice, as in England and Wales: which check depends on what the person hiring asks for.
    expect(tasks(html)).toEqual([
      'Do one of these, depending on what the person hiring you asks for',
      'Show your passport or other documents',
    ])
    expect(html).toContain('Apply for your own AccessNI enhanced check')
    expect(html).toContain('Get an AccessNI basic check')
    expect(html).not.toContain('Only a registered employer can ask for an enhanced check')
  })

  it('sends a family on benefits in Wales or Scotland to their council for help with school costs', async () => {
    // GOV.UK's benefits checker (read 2026-12-02): Wales' School Essentials Grant and Scotland's
    // school clothing grant, each from the local council, for a school-age child and certain
    // benefits; on Universal Credit the family's pay decides too, so that plan says "may".
    const wales = decode(await planOf(persona('wal-secondary-pupil-on-uc')))
    expect(tasks(wales)).toContain('Apply for a School Essentials Grant')
    expect(wales).toContain('href="https://www.gov.wales/school-essentials-grant-help-school-costs"')
    expect(wales).toContain('On Universal Credit, this grant also depends on your family’s pay from work.')
    // Free school meals in Wales come from the Welsh Government's page, not gov.uk's service for
    // councils in England (GOV.UK's benefits checker, read 2026-12-04).
    expect(card(wales, 'free-school-meals')).toContain('href="https://gov.wales/find-out-about-free-school-meals"')
    expect(wales).not.toContain('href="https://www.gov.uk/apply-free-school-meals"')
    const cy = decode(await planOf(persona('wal-secondary-pupil-on-uc'), 'cy'))
    expect(tasks(cy)).toContain('Gwneud cais am Grant Hanfodion Ysgol')

    const scotland = decode(await planOf(persona('sco-kinship-grandparent')))
    expect(tasks(scotland)).toContain('Apply for a school clothing grant')
    expect(scotland).toContain('href="https://www.mygov.scot/clothing-grants"')
    // Another benefit for a low income, not Universal Credit: no pay test, so no "may".
    expect(scotland).not.toContain('this grant also depends on')

    // Northern Ireland's free school meals application covers uniform help too.
    const ni = decode(await planOf(persona('ni-lone-parent-on-uc')))
    expect(ni).toContain('Your child may also get help with the cost of school uniform.')
  })

  it('tells a family with a 16 to 19 year old in education about money for staying on, as "may"', async () => {
    // GOV.UK's benefits checker (read 2026-12-02): England's 16 to 19 Bursary Fund, Education
    // Maintenance Allowance elsewhere; both depend on the course and on income or circumstances.
    const england = decode(await planOf(persona('eng-disabled-teenagers-carer')))
    expect(tasks(england)).toContain('Ask about a 16 to 19 bursary')
    expect(england).toContain('href="https://www.gov.uk/1619-bursary-fund"')
    expect(england).toContain(
      'It also depends on the course, and on your household income or your child’s circumstances.',
    )
    const scotland = decode(await planOf(persona('sco-disabled-children-carer')))
    expect(tasks(scotland)).toContain('Apply for Education Maintenance Allowance')
    expect(scotland).toContain('href="https://www.mygov.scot/ema"')
    const cy = decode(await planOf(persona('sco-disabled-children-carer'), 'cy'))
    expect(tasks(cy)).toContain('Gwneud cais am Lwfans Cynhaliaeth Addysg')
    // A family without a young person of that age does not get it, and the list of services
    // not included names their own nation's: England has a bursary, not the allowance.
    const notIncluded = (html: string) => /Services not included and why[\s\S]*?<\/details>/.exec(html)?.[0] ?? ''
    const wales = decode(await planOf(persona('wal-working-parents-primary-no-benefits')))
    expect(tasks(wales)).not.toContain('Apply for Education Maintenance Allowance')
    expect(notIncluded(wales)).toContain('Apply for Education Maintenance Allowance')
    const english = decode(await planOf(persona('eng-working-family-school-no-benefits')))
    expect(notIncluded(english)).toContain('Ask about a 16 to 19 bursary')
    expect(english).not.toContain('Education Maintenance Allowance')
  })

  it('tells someone expecting a baby about Maternity Allowance, as "may", from 26 weeks', async () => {
    // gov.uk/maternity-allowance (read 2026-12-02): for someone who cannot get Statutory Maternity
    // Pay; it depends on work in the 66 weeks before the baby is due, which the portal does not ask.
    const html = decode(await planOf(persona('eng-expecting-first-on-uc')))
    expect(tasks(html)).toContain('Claim Maternity Allowance')
    expect(html).toContain('href="https://www.gov.uk/maternity-allowance"')
    expect(html).toContain('Claim once you have been pregnant for 26 weeks')
    expect(html).toContain('It depends on your work in the 66 weeks before the baby is due')
    const ni = decode(await planOf(persona('ni-expecting-second-one-earner-uc'), 'cy'))
    expect(tasks(ni)).toContain('Hawlio Lwfans Mamolaeth gan yr Adran Cymunedau')
    expect(ni).toContain('href="https://www.nidirect.gov.uk/articles/maternity-allowance"')
  })

  it('tells a parent whose child died under 18 about Child Benefit and bereavement leave, and a grandparent neither', async () => {
    // gov.uk/after-a-death/if-a-child-or-baby-dies and gov.uk/parental-bereavement-pay-leave (read
    // 2026-12-02): Child Benefit usually carries on for 8 weeks and the office must be told;
    // employees whose child died under 18 can take up to 2 weeks' leave.
    const wales = decode(await planOf(persona('wal-parent-child-died-in-england')))
    expect(tasks(wales)).toEqual(
      expect.arrayContaining(['Tell the Child Benefit Office', 'Ask for Parental Bereavement Leave and Pay']),
    )
    expect(wales).toContain('href="https://www.gov.uk/parental-bereavement-pay-leave"')
    expect(wales).toContain('If you are an employee, you can take up to 2 weeks off.')
    expect(wales).toContain('Take the leave within 56 weeks of the death.')
    // The age is asked now, so help with a child's funeral is certain: its card has no "may" tag.
    const funeralCard = card(wales, 'child-funeral-costs')
    expect(funeralCard).toContain('Get help with your child’s funeral in Wales')
    expect(funeralCard).not.toContain('You may be able to get this')
    const cy = decode(await planOf(persona('wal-parent-child-died-in-england'), 'cy'))
    expect(tasks(cy)).toContain('Gofyn am Absenoldeb a Thâl Rhiant mewn Profedigaeth')

    // Northern Ireland has its own leave (legislation.gov.uk, nisr/2023/156, read 2026-12-03): the
    // same step links to nidirect and, its notice rules unread, says nothing about notice.
    const ni = decode(await planOf(persona('ni-parent-child-aged-6-paying')))
    expect(tasks(ni)).toEqual(
      expect.arrayContaining(['Tell the Child Benefit Office', 'Ask for Parental Bereavement Leave and Pay']),
    )
    expect(ni).toContain('If you got it for your child, it usually carries on for 8 weeks.')
    // A newborn's parents often have not claimed yet: they may still, within 3 months of the death
    // (the same gov.uk page, read 2026-12-04).
    expect(ni).toContain('If you had not claimed yet, you may still be able to claim up to 3 months after the death.')
    expect(ni).toContain('href="https://www.nidirect.gov.uk/articles/parental-bereavement-leave-and-pay"')
    expect(ni).not.toContain('href="https://www.gov.uk/parental-bereavement-pay-leave"')
    expect(ni).toContain('Take the leave within 56 weeks of the death')
    expect(ni).not.toContain('tell your employer before your usual start time')

    // A grandmother whose grown-up daughter died is told why the help for a child is not hers.
    const grandmother = decode(await planOf(persona('eng-grandparent-orphans')))
    expect(tasks(grandmother)).not.toContain('Get help with your child’s burial or cremation fees in England')
    expect(grandmother).toContain('Your son or daughter was 18 or over.')
  })

  it('tells a parent whose baby was stillborn to register the stillbirth, not the death', async () => {
    // gov.uk/register-stillbirth and mygov.scot/register-stillbirth (read 2026-12-03): within 42
    // days in England and Wales, 21 days in Scotland; the baby died on 27 November 2026.
    const england = decode(await planOf(persona('eng-parent-baby-stillborn')))
    expect(tasks(england)).toContain('Register the stillbirth')
    expect(tasks(england)).not.toContain('Register the death')
    expect(england).toContain('href="https://www.gov.uk/register-stillbirth"')
    expect(england).toContain('Register the stillbirth by 8 January 2027')
    expect(england).toContain('Your baby was stillborn, so you register the stillbirth instead.')
    // Nothing that needs a child who lived: no Child Benefit step, no estate.
    expect(tasks(england)).not.toContain('Tell the Child Benefit Office')
    expect(england).toContain('Your baby was stillborn, so there is no estate to deal with.')
    expect(tasks(england)).toContain('Ask for Parental Bereavement Leave and Pay')

    const scotland = decode(await planOf(persona('sco-parent-baby-stillborn-universal-credit')))
    expect(tasks(scotland)).toContain('Register the stillbirth in Scotland')
    expect(scotland).toContain('Register the stillbirth by 18 December 2026')

    const cy = decode(await planOf(persona('eng-parent-baby-stillborn'), 'cy'))
    expect(tasks(cy)).toContain('Cofrestru’r farw-enedigaeth')
  })

  it('tells parents whose baby was stillborn that maternity and paternity pay and the maternity grants still count', async () => {
    // gov.uk/after-a-death/if-a-child-or-baby-dies (read 2026-12-03): after a stillbirth after 24
    // weeks parents still qualify for maternity and paternity leave and pay, and can still get the
    // Sure Start Maternity Grant; mygov.scot/best-start-grant: Scotland's Pregnancy and Baby
    // Payment too. Pay depends on the job, so that step is "may".
    const england = decode(await planOf(persona('eng-parent-baby-stillborn')))
    const leave = card(england, 'maternity-paternity-leave-pay')
    expect(leave).toContain('Ask about maternity or paternity pay')
    expect(leave).toContain('You may be able to get this')
    expect(leave).toContain('It depends on your job, for example whether you are an employee')
    expect(leave).toContain('href="https://www.gov.uk/after-a-death/if-a-child-or-baby-dies"')
    // She gets no benefit for people on a low income: the grant is left out, and says why.
    expect(tasks(england)).not.toContain('Claim a Sure Start Maternity Grant')
    expect(england).toMatch(
      /Claim a Sure Start Maternity Grant\s*<\/dt>\s*<dd[^>]*>\s*You do not get a benefit for people on a low income/,
    )

    // On Universal Credit in Scotland: the Pregnancy and Baby Payment, certain, saying a stillbirth counts.
    const scotland = decode(await planOf(persona('sco-parent-baby-stillborn-universal-credit')))
    expect(tasks(scotland)).toEqual(
      expect.arrayContaining([
        'Ask about maternity or paternity pay',
        'Claim the Best Start Grant Pregnancy and Baby Payment',
      ]),
    )
    const grant = card(scotland, 'best-start-grant')
    expect(grant).toContain('You can still claim it after a stillbirth, or if your baby died after they were born.')
    expect(grant).toContain('Your baby was stillborn or died in the last 6 months.')
    expect(grant).toContain('until 6 months after the birth')
    expect(grant).not.toContain('You may be able to get this')

    const cy = decode(await planOf(persona('sco-parent-baby-stillborn-universal-credit'), 'cy'))
    expect(tasks(cy)).toContain('Gofyn am dâl mamolaeth neu dadolaeth')
    expect(cy).toContain(
      'Gallwch chi ei hawlio o hyd ar ôl marw-enedigaeth, neu os bu farw eich babi ar ôl cael ei eni.',
    )
  })

  it('counts the maternity grants from the birth: "may" after a baby who lived, too late 6 months after a stillbirth', async () => {
    // The Sure Start Maternity Grant and Scotland's Pregnancy and Baby Payment are for a baby
    // stillborn or born alive, even one who died, and are claimed within 6 months of the birth
    // (legislation.gov.uk uksi/2005/3061 regulation 5; mygov.scot/best-start-grant;
    // gov.uk/sure-start-maternity-grant). A baby who lived was born before they died, on a day
    // the portal does not ask: "may", saying the time counts from the birth.
    const lived = decode(await planOf(persona('sco-parent-baby-died-after-birth-universal-credit')))
    const grant = card(lived, 'best-start-grant')
    expect(grant).toContain('You may be able to get this')
    expect(grant).toContain('It must be claimed within 6 months of your baby’s birth, not of their death.')

    // A stillbirth 8 months ago: the birth was 8 months ago, so the grant is left out and says why.
    const late = decode(await planOf(persona('wal-parent-stillbirth-8-months-ago')))
    expect(tasks(late)).not.toContain('Claim a Sure Start Maternity Grant')
    expect(late).toMatch(
      /Claim a Sure Start Maternity Grant\s*<\/dt>\s*<dd[^>]*>\s*Your baby was born more than 6 months ago\. It must be claimed within 6 months of the birth\./,
    )
    const cy = decode(await planOf(persona('wal-parent-stillbirth-8-months-ago'), 'cy'))
    expect(cy).toContain('Cafodd eich babi ei eni fwy na 6 mis yn ôl. Rhaid ei hawlio o fewn 6 mis i’r enedigaeth.')
  })

  it('puts "Services not included" and the answers in Details, closed', async () => {
    const html = await planOf(persona('welsh-domiciliary-employee'))
    expect(html).toMatch(
      /<details class="govuk-details app-plan-details">\s*<summary[^>]*>\s*<span class="govuk-details__summary-text">\s*Services not included and why/,
    )
    expect(html).toMatch(
      /<details class="govuk-details app-plan-details">\s*<summary[^>]*>\s*<span class="govuk-details__summary-text">\s*Your answers/,
    )
    expect(html).not.toMatch(/<details[^>]* open/)
  })

  it('is in Welsh throughout', async () => {
    const html = await planOf(persona('welsh-domiciliary-employee'), 'cy')
    const en = translator('en')
    expect(html).toContain('Mae gennych')
    expect(html).not.toContain(en('triage.plan.more'))
  })
})

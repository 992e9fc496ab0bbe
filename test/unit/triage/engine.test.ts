import { answersOnPath, factsOf, nextQuestion, pathOf, plan, shownService } from '../../helpers/triage'
import { ageOn, isoDay } from '../../../app/rules/dates'
import { PERSONA_DAY } from '../../../app/triage/personas'
import { personaById } from '../../helpers/personas'

const day = PERSONA_DAY
const welshWorker = {
  nation: 'wales',
  'who-you-support': 'adults',
  'how-you-work': 'employee',
  already: ['none'],
  'right-to-work': 'british-irish',
}

/** The options of child-support's last question ("already get") for answers that reach it. */
function alreadyOffered(answers: Record<string, string | string[]>): string[] {
  const next = nextQuestion('child-support', answers, day)
  expect(next?.id).toBe('already')
  return next?.kind === 'checkboxes' ? next.options.map((o) => o.value) : []
}

describe('the next question', () => {
  it('starts with the first question and follows the order of the catalogue', () => {
    expect(nextQuestion('work-in-care', {}, day)?.id).toBe('nation')
    expect(nextQuestion('work-in-care', { nation: 'scotland' }, day)?.id).toBe('who-you-support')
  })

  it('skips a question whose condition fails: a volunteer in Northern Ireland holds nothing to ask about', () => {
    const answers = {
      nation: 'northern-ireland',
      'who-you-support': 'adults',
      'how-you-work': 'volunteer',
      'sixteen-or-over': 'yes',
    }
    expect(pathOf('work-in-care', answers, day)).toEqual({
      answered: ['nation', 'who-you-support', 'how-you-work', 'sixteen-or-over'],
      next: undefined,
    })
    // Only volunteers are asked their age; an employee is asked what they already hold.
    const { 'sixteen-or-over': _age, ...employee } = { ...answers, 'how-you-work': 'employee' }
    expect(nextQuestion('work-in-care', employee, day)?.id).toBe('already')
  })

  it('asks what a volunteer already holds only at 16 or over, the age checks start at', () => {
    const volunteer = { nation: 'england', 'who-you-support': 'adults', 'how-you-work': 'volunteer' }
    expect(nextQuestion('work-in-care', volunteer, day)?.id).toBe('sixteen-or-over')
    expect(nextQuestion('work-in-care', { ...volunteer, 'sixteen-or-over': 'yes' }, day)?.id).toBe('already')
    expect(pathOf('work-in-care', { ...volunteer, 'sixteen-or-over': 'no' }, day).next).toBeUndefined()
  })

  it('still asks a question whose condition depends on "not sure"', () => {
    const answers = { nation: 'england', children: ['under-1'], work: 'not-working', benefits: 'not-sure' }
    expect(nextQuestion('child-support', answers, day)?.id).toBe('first-child')
  })

  it('treats a stored answer that no longer fits the question as unanswered', () => {
    expect(nextQuestion('work-in-care', { nation: 'atlantis' }, day)?.id).toBe('nation')
    expect(nextQuestion('child-support', { nation: 'wales', children: [] }, day)?.id).toBe('children')
  })
})

describe('changing an earlier answer', () => {
  it('keeps later answers that still apply and drops those no longer asked', () => {
    // Wales to Northern Ireland as a volunteer: neither "what you already have" nor the right
    // to work is asked there, so both answers go.
    const changed = {
      ...welshWorker,
      nation: 'northern-ireland',
      'how-you-work': 'volunteer',
      'sixteen-or-over': 'yes',
    }
    expect(answersOnPath('work-in-care', changed, day)).toEqual({
      nation: 'northern-ireland',
      'who-you-support': 'adults',
      'how-you-work': 'volunteer',
      'sixteen-or-over': 'yes',
    })
    expect(pathOf('work-in-care', changed, day).next).toBeUndefined()
  })

  it('keeps answers after a newly needed question, which may still apply once it is answered', () => {
    const northernIrish = {
      nation: 'northern-ireland',
      'who-you-support': 'adults',
      'how-you-work': 'self-employed',
      'right-to-work': 'british-irish',
    }
    expect(answersOnPath('work-in-care', { ...northernIrish, nation: 'england' }, day)).toEqual({
      ...northernIrish,
      nation: 'england',
    })
  })

  it('asks a newly needed question before returning to the plan', () => {
    const northernIrish = {
      nation: 'northern-ireland',
      'who-you-support': 'adults',
      'how-you-work': 'self-employed',
      'right-to-work': 'british-irish',
    }
    expect(pathOf('work-in-care', { ...northernIrish, nation: 'england' }, day)).toEqual({
      answered: ['nation', 'who-you-support', 'how-you-work'],
      next: 'already',
    })
  })
})

describe('facts', () => {
  it('include derived facts, such as a child under 16 from the ages ticked', () => {
    const facts = factsOf('child-support', { nation: 'england', children: ['3-to-4'] }, day)
    expect([...facts].sort()).toEqual([
      'child-11-or-under',
      'child-under-16',
      'child-under-4',
      'child:3-to-4',
      // A 3 or 4-year-old may be in both Best Start Grant age windows (mygov.scot); the facts do
      // not name a nation, the services' variants do.
      'early-learning-payment-age',
      'expecting-or-under-4',
      'has-child',
      'in-uk',
      'nation:england',
      'school-age-payment-age',
    ])
  })

  it('leave out facts that "not sure" left open', () => {
    const facts = factsOf('caring', { nation: 'wales', hours: '35-or-more', 'disability-benefit': 'not-sure' }, day)
    expect(facts.has('gets-disability-benefit')).toBe(false)
  })

  it('give an age band from a date of birth', () => {
    const base = {
      died: 'england',
      'date-of-death': '2026-11-27',
      live: 'england',
      relationship: 'spouse-or-civil-partner',
    }
    expect(factsOf('bereavement', { ...base, 'date-of-birth': '1980-01-01' }, day).has('under-state-pension-age')).toBe(
      true,
    )
    expect(factsOf('bereavement', { ...base, 'date-of-birth': '1940-01-01' }, day).has('under-state-pension-age')).toBe(
      false,
    )
  })

  it('band a date of birth again on the date of death: the age then for Bereavement Support Payment, the age now for State Pension', () => {
    // Died 20 April 2025. Born 1 June 1959: 65 then, 67 on 30 November 2026.
    const base = {
      died: 'england',
      'date-of-death': '2025-04-20',
      live: 'england',
      relationship: 'spouse-or-civil-partner',
    }
    const facts = (born: string) => factsOf('bereavement', { ...base, 'date-of-birth': born }, day)
    expect(facts('1959-06-01').has('over-state-pension-age')).toBe(true)
    expect(facts('1959-06-01').has('over-state-pension-age-at-death')).toBe(false)
    // 66 on the day of the death (born 20 April 1959), but not the day before it (21 April 1959: 65).
    expect(facts('1959-04-20').has('over-state-pension-age-at-death')).toBe(true)
    expect(facts('1959-04-21').has('over-state-pension-age-at-death')).toBe(false)
    expect(facts('1959-04-21').has('over-state-pension-age')).toBe(true)
  })

  it('band a date of birth from 6 April 1960 to 5 March 1961 by State Pension age to the day, not by whole years', () => {
    // Died 27 November 2026; the plan is made on 30 November 2026. Born 31 July 1960: State Pension
    // age at 66 and 4 months, "at the commencement of 30th November 2026" (Pensions Act 1995
    // Schedule 4 para 1(7A)(a), as the Pensions Act 2014 s 26(3) made it; legislation.gov.uk,
    // read 2026-12-05). 66 on both days, under it at the death and over it now.
    const died = {
      died: 'wales',
      'date-of-death': '2026-11-27',
      live: 'wales',
      relationship: 'spouse-or-civil-partner',
    }
    const facts = (born: string) => factsOf('bereavement', { ...died, 'date-of-birth': born }, day)
    expect(facts('1960-07-31').has('over-state-pension-age-at-death')).toBe(false)
    expect(facts('1960-07-31').has('over-state-pension-age')).toBe(true)
    // Born 27 July 1960: 66 and 4 months on the day of the death itself.
    expect(facts('1960-07-27').has('over-state-pension-age-at-death')).toBe(true)
    // Born 6 August 1960: 66 and 5 months, 6 January 2027; 66 now and under it.
    expect(facts('1960-08-06').has('over-state-pension-age')).toBe(false)
    expect(facts('1960-08-06').has('under-state-pension-age')).toBe(true)
  })

  it('count birthdays exactly', () => {
    expect(ageOn('2000-11-30', isoDay(day))).toBe(26)
    expect(ageOn('2000-12-01', isoDay(day))).toBe(25)
  })
})

describe('the plan', () => {
  it('never says a service does not apply when the citizen was not sure: it may apply', () => {
    const answers = {
      nation: 'wales',
      age: '20-or-over',
      hours: '35-or-more',
      'one-person': 'yes',
      already: ['none'],
      'disability-benefit': 'not-sure',
      'cared-for-lives': 'wales',
      earnings: 'yes',
      'full-time-education': 'no',
    }
    const result = plan('caring', answers, day)
    const allowance = shownService(result, 'carers-allowance')
    expect(allowance?.certainty).toBe('may-apply')
    expect(result.notIncluded.map((s) => s.service.id)).not.toContain('carers-allowance')
  })

  it('tells a carer over State Pension age that Carer’s Allowance may be paid in part or not at all', () => {
    const answers = (age: string) => ({
      nation: 'wales',
      age,
      hours: '35-or-more',
      'one-person': 'yes',
      already: ['none'],
      'disability-benefit': 'yes',
      'cared-for-lives': 'wales',
      earnings: 'no',
      'full-time-education': 'no',
    })
    const notesFor = (age: string) => shownService(plan('caring', answers(age), day), 'carers-allowance')?.notes
    expect(notesFor('pension-age')).toEqual(['state-pension', 'one-carer', 'cared-for-benefits'])
    expect(notesFor('20-or-over')).toEqual(['one-carer', 'cared-for-benefits'])
  })

  it('tells a carer in Scotland over State Pension age that Carer Support Payment, and so the Supplement, may not be paid', () => {
    // mygov.scot/carer-support-payment/overlapping-benefits: a State Pension above the full rate
    // leaves only an "underlying entitlement"; the Supplement needs Carer Support Payment paid.
    const carer = personaById('sco-pension-age-carer')
    const at = (age: string) => plan('caring', { ...carer.answers, age }, carer.day)
    expect(shownService(at('pension-age'), 'carer-support-payment')?.notes).toEqual([
      'state-pension-scotland',
      'one-carer',
      'cared-for-benefits',
    ])
    expect(shownService(at('pension-age'), 'carers-allowance-supplement')?.certainty).toBe('may-apply')
    expect(shownService(at('20-or-over'), 'carer-support-payment')?.notes).toEqual(['one-carer', 'cared-for-benefits'])
    expect(shownService(at('20-or-over'), 'carers-allowance-supplement')?.certainty).toBe('applies')
  })

  it('warns a young carer in Scotland off Young Carer Grant wherever Carer Support Payment may apply, not only where it surely does', () => {
    // mygov.scot/young-carer-grant/who-should-apply: not for someone already getting Carer
    // Support Payment. Earnings over the limit are asked as "yes" only, which leaves it open.
    const carer = personaById('sco-university-carer-19')
    const at = (changes: Record<string, string>) => plan('caring', { ...carer.answers, ...changes }, carer.day)
    const notes = (changes: Record<string, string>) => shownService(at(changes), 'young-carer-grant')?.notes
    expect(shownService(at({}), 'carer-support-payment')?.certainty).toBe('applies')
    expect(notes({})).toEqual(['not-with-carer-support-payment'])
    expect(shownService(at({ earnings: 'yes' }), 'carer-support-payment')?.certainty).toBe('may-apply')
    expect(notes({ earnings: 'yes' })).toEqual(['not-with-carer-support-payment'])
    expect(shownService(at({ hours: '20-to-34' }), 'carer-support-payment')).toBeUndefined()
    expect(notes({ hours: '20-to-34' })).toEqual([])
  })

  it('says the care visa may not be open to someone self-employed or a personal assistant: it needs a sponsoring employer', () => {
    // Home Office, petition 701137 response: no unsponsored route; CQC: in England only the
    // organisations it regulates can sponsor a care worker, not a person employing their own.
    const answers = (how: string) => ({
      nation: 'england',
      'who-you-support': 'adults',
      'how-you-work': how,
      already: ['none'],
      'right-to-work': 'need-visa-in-uk',
    })
    const visa = (how: string) => shownService(plan('work-in-care', answers(how), day), 'health-care-worker-visa')
    expect(visa('employee')?.certainty).toBe('applies')
    for (const how of ['self-employed', 'personal-assistant']) {
      expect(visa(how)?.certainty).toBe('may-apply')
      expect(visa(how)?.reasons).toContainEqual({ fact: 'visa-needs-sponsor', truth: 'yes' })
    }
  })

  it('offers free school meals in Wales and England to a family on benefits whose child is 16 to 19, as a sixth-former may get them', () => {
    // gov.wales/node/60572: free school meals for learners at school full time, "sixth form
    // school pupils" included. The portal cannot tell a sixth form from a college: "may".
    const family = (nation: string, children: string[], benefits: string) => ({
      nation,
      children,
      work: 'not-working',
      benefits,
      'disabled-child': 'no',
      'bereaved-child': 'no',
      already: ['child-benefit'],
    })
    const meals = (...args: Parameters<typeof family>) =>
      shownService(plan('child-support', family(...args), day), 'free-school-meals')
    expect(meals('wales', ['16-to-19'], 'other-benefits')?.certainty).toBe('may-apply')
    expect(meals('wales', ['16-to-19'], 'other-benefits')?.reasons).toContainEqual({
      fact: 'wales-sixth-form-age',
      truth: 'yes',
    })
    expect(meals('wales', ['12-to-15', '16-to-19'], 'other-benefits')?.certainty).toBe('applies')
    expect(meals('wales', ['16-to-19'], 'none')).toBeUndefined()
    expect(meals('wales', ['16-to-19'], 'housing-benefit')).toBeUndefined()
    // England: school sixth forms, and colleges funded for 16 to 19 (gov.uk, free meals in further
    // education), give free meals to students on benefits: "may", the reason naming both.
    expect(meals('england', ['16-to-19'], 'other-benefits')?.certainty).toBe('may-apply')
    expect(meals('england', ['16-to-19'], 'other-benefits')?.reasons).toContainEqual({
      fact: 'england-sixth-form-age',
      truth: 'yes',
    })
    expect(meals('england', ['16-to-19'], 'none')).toBeUndefined()
  })

  it('tells an unmarried partner to claim Child Benefit in their own name before Bereavement Support Payment', () => {
    // gov.uk/bereavement-support-payment/eligibility: living together unmarried, the higher rate
    // needs Child Benefit for a child living with you; claim it first if your partner got it.
    const partner = personaById('eng-cohabiting-partner-children')
    const notesFor = (relationship: string, already: string[]) =>
      shownService(
        plan('bereavement', { ...partner.answers, relationship, already }, partner.day),
        'bereavement-support-higher',
      )?.notes
    expect(notesFor('partner', ['none'])).toEqual(['claim-child-benefit-first'])
    expect(notesFor('partner', ['child-benefit'])).toEqual([])
    expect(notesFor('spouse-or-civil-partner', ['none'])).toEqual([])
  })

  it('says why England’s free hours for 2-year-olds may apply: the Universal Credit income limit, or Disability Living Allowance', () => {
    // England's councils, giving gov.uk's list (read 2026-12-02): a benefit for a low income (on
    // Universal Credit only up to a household income), or a 2-year-old who gets DLA.
    const freeHours = (answers: Record<string, string | string[]>) =>
      shownService(plan('child-support', answers, day), 'free-childcare-2-england')
    // A parent not working, with a 2-year-old who is not disabled; the benefit is what varies.
    const family = personaById('eng-lone-parent-2yo-on-uc').answers
    expect(freeHours({ ...family, benefits: 'other-benefits' })?.certainty).toBe('applies')
    expect(freeHours({ ...family, benefits: 'universal-credit' })?.reasons).toContainEqual({
      fact: 'uc-pay-test',
      truth: 'yes',
    })
    expect(freeHours({ ...family, benefits: 'none' })).toBeUndefined()
    const disabled = { ...family, benefits: 'none', 'disabled-child': 'yes', 'caring-hours': 'no' }
    expect(freeHours(disabled)).toMatchObject({ certainty: 'may-apply' })
    expect(freeHours(disabled)?.reasons).toContainEqual({ fact: 'childcare-2-needs-dla', truth: 'yes' })
    // Not sure about benefits: it may still apply, and the plan says it turns on the DLA.
    expect(freeHours({ ...disabled, benefits: 'not-sure' })?.reasons).toContainEqual({
      fact: 'childcare-2-needs-dla',
      truth: 'unknown',
    })
  })

  it('keeps a family getting only Housing Benefit where it counts: Best Start, not Scottish Child Payment', () => {
    // mygov.scot/best-start-grant-best-start-foods/best-start-apply lists Housing Benefit;
    // socialsecurity.gov.scot's list for Scottish Child Payment does not (both read 2026-12-04).
    const beforeAlready = {
      nation: 'scotland',
      children: ['under-1', '5-to-11'],
      work: 'not-working',
      benefits: 'housing-benefit',
      'disabled-child': 'no',
      'bereaved-child': 'no',
    }
    const p = plan('child-support', { ...beforeAlready, already: ['none'] }, day)
    expect(shownService(p, 'best-start-foods')?.certainty).toBe('applies')
    expect(shownService(p, 'scottish-child-payment')).toBeUndefined()
    // The last question never offers "I already get it" for something that cannot be on the plan.
    const offered = (benefits: string) => alreadyOffered({ ...beforeAlready, benefits })
    expect(offered('housing-benefit')).not.toContain('scottish-child-payment')
    expect(offered('universal-credit')).toContain('scottish-child-payment')
  })

  it('never offers "I already get Tax-Free Childcare" to a family who cannot get it: on Universal Credit', () => {
    // childcarechoices.gov.uk/tax-free-childcare/eligibility (read 2026-12-04): not while getting Universal Credit.
    const working = { nation: 'england', children: ['3-to-4'], work: 'working', 'high-income': 'no' }
    const offered = (benefits: string) =>
      alreadyOffered({ ...working, benefits, 'disabled-child': 'no', 'bereaved-child': 'no' })
    expect(offered('none')).toContain('tax-free-childcare')
    expect(offered('universal-credit')).not.toContain('tax-free-childcare')
    expect(offered('not-sure')).toContain('tax-free-childcare')
  })

  it('is not complete while a question on the path is unanswered', () => {
    expect(plan('caring', { nation: 'wales' }, day).complete).toBe(false)
  })

  it('lists services left out where the citizen is, but not those of other nations', () => {
    const result = plan('work-in-care', welshWorker, day)
    const left = result.notIncluded.map((s) => s.service.id)
    expect(left).toContain('dbs-check-volunteer')
    expect(left).not.toContain('pvg-scheme')
  })
})

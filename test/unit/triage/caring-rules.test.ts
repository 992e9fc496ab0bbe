import { pathOf, plan, servicesIn, shownService } from '../../helpers/triage'
import { completePlan, shownWith } from '../../helpers/triage/shown'
import { PERSONA_DAY } from '../../../app/triage/personas'

/**
 * The caring outcome's rules read on 2026-12-05, each case worked out from the official page
 * before running it: the Universal Credit carer element follows Carer's Allowance's conditions
 * apart from earnings (legislation.gov.uk/nisr/2016/216 reg 31(1)); only one carer is paid for
 * the same person (ssi/2023/302 reg 5(3)); Carer's Allowance can stop the cared-for person's
 * severe disability premium (gov.uk/carers-allowance/effect-on-other-benefits); a young carer in
 * England has a young carer's needs assessment (Children Act 1989 s17ZA); a Young Carer
 * Statement is for carers under 18, or 18 and at school (mygov.scot/young-carer-support).
 */
const carer = (changes: Record<string, string | string[]>) => ({
  nation: 'england',
  age: '20-or-over',
  hours: '35-or-more',
  'one-person': 'yes',
  already: ['universal-credit'],
  'disability-benefit': 'yes',
  // The person cared for lives where the carer does, unless a test says otherwise.
  'cared-for-lives': changes.nation ?? 'england',
  earnings: 'no',
  'full-time-education': 'no',
  ...changes,
})
const planFor = (changes: Record<string, string | string[]>) => completePlan('caring', carer(changes), PERSONA_DAY)
const assessmentNotes = (changes: Record<string, string | string[]>) =>
  shownService(planFor(changes), 'carers-assessment')?.notes
const omitted = (changes: Record<string, string | string[]>, id: string) =>
  planFor(changes)
    .notIncluded.find((o) => o.service.id === id)
    ?.reasons.map((r) => `${r.fact}:${r.truth}`)

describe('the caring plan, by the rules of each benefit', () => {
  it('offers the carer element of Universal Credit only to someone who could get Carer’s Allowance but for earnings', () => {
    expect(shownService(planFor({}), 'uc-carer-element')?.certainty).toBe('applies')
    // Earnings over the limit do not stop it.
    expect(shownService(planFor({ earnings: 'yes' }), 'uc-carer-element')?.certainty).toBe('applies')
    // Full-time study does, in England, Wales and Northern Ireland.
    expect(omitted({ 'full-time-education': 'yes' }, 'uc-carer-element')).toEqual(['uc-study-ok:no'])
    expect(omitted({ nation: 'northern-ireland', 'full-time-education': 'yes' }, 'uc-carer-element')).toEqual([
      'uc-study-ok:no',
    ])
    // Nobody under 16 claims Universal Credit; Carer's Allowance starts at 16.
    const child = { age: 'under-16', already: ['universal-credit'] }
    expect(omitted(child, 'uc-carer-element')).toContain('aged-16-or-over:no')
  })

  it('does not rule out the carer element for a student in Scotland, where its study rule was not confirmed', () => {
    const student = { nation: 'scotland', age: '20-or-over', 'full-time-education': 'yes' }
    expect(shownService(planFor(student), 'uc-carer-element')).toBeDefined()
  })

  it('says only one carer can be paid for the same person, and warns about the cared-for person’s benefits', () => {
    // And that the LCWRA element replaces the carer element (nisr/2016/216 reg 30(4)).
    expect(shownService(planFor({}), 'uc-carer-element')?.notes).toEqual(['one-carer', 'lcwra-instead'])
    expect(shownService(planFor({ already: ['none'] }), 'carers-allowance')?.notes).toEqual([
      'one-carer',
      'cared-for-benefits',
    ])
    // Northern Ireland's own page on the premium was not read: only the rule the law gives.
    const ni = { nation: 'northern-ireland', already: ['none'] }
    expect(shownService(planFor(ni), 'carers-allowance')?.notes).toEqual(['one-carer'])
  })

  it('tells a carer under 18 in England to ask for a young carer’s needs assessment, and no one else', () => {
    expect(assessmentNotes({ age: '16-to-17', 'full-time-education': 'yes' })).toEqual(['young-carer-needs-assessment'])
    expect(assessmentNotes({ nation: 'wales', age: '16-to-17', 'full-time-education': 'yes' })).toEqual([])
  })

  it('tells an adult carer in England that a disabled child’s parent has a parent carer’s needs assessment instead (Children Act 1989 s17ZD)', () => {
    expect(assessmentNotes({ age: '20-or-over' })).toEqual(['parent-carer-needs-assessment'])
    expect(assessmentNotes({ age: '18-to-19', 'full-time-education': 'no' })).toEqual(['parent-carer-needs-assessment'])
    // Wales's and Northern Ireland's carers' assessments cover parent carers too (Scotland has
    // its own adult carer support plan, another step).
    expect(assessmentNotes({ nation: 'wales' })).toEqual([])
    expect(assessmentNotes({ nation: 'northern-ireland' })).toEqual([])
    // Caring from Wales for someone in England, "your council" would not be one council.
    expect(assessmentNotes({ nation: 'wales', 'cared-for-lives': 'england' })).toEqual([])
  })

  it('tells a carer under 18 in Northern Ireland they can ask for an assessment as a young carer (Children (NI) Order 1995 art 17A)', () => {
    const ni = { nation: 'northern-ireland' }
    expect(assessmentNotes({ ...ni, age: '16-to-17', 'full-time-education': 'yes' })).toEqual([
      'young-carer-assessment-ni',
    ])
    expect(assessmentNotes({ ...ni, age: '20-or-over' })).toEqual([])
  })

  it('leaves out the Young Carer Statement for someone of 18 or 19 at university in Scotland, not for one at school', () => {
    const scot = { nation: 'scotland', age: '18-to-19', 'full-time-education': 'yes', already: ['none'] }
    expect(omitted({ ...scot, course: 'yes' }, 'young-carer-statement')).toEqual([
      'age:18-to-19:yes',
      'advanced-course:yes',
    ])
    expect(shownService(planFor({ ...scot, course: 'no' }), 'young-carer-statement')).toBeDefined()
  })

  it('offers the Young Carer Statement at 18 or 19 only as a "may" when the adult plan is another nation’s (Carers (Scotland) Act 2016 s2)', () => {
    // At school or not is not asked: with the person cared for in Scotland, the plan offers the
    // statement or the Adult Carer Support Plan as one choice.
    const scot = { nation: 'scotland', age: '18-to-19', hours: '20-to-34', already: ['none'] }
    const statement = (lives: string) =>
      shownWith(planFor({ ...scot, 'cared-for-lives': lives }), 'young-carer-statement')
    expect(statement('scotland').certainty).toBe('applies')
    expect(statement('england')).toEqual({
      certainty: 'may-apply',
      reasons: ['nation:scotland:yes', 'age:18-to-19:yes', 'young-carer-statement-at-school-only:yes'],
    })
    // Under 18 it is theirs wherever the person cared for lives.
    const young = { ...scot, age: '16-to-17', 'disability-benefit': 'no', 'cared-for-lives': 'england' }
    expect(shownWith(planFor(young), 'young-carer-statement').certainty).toBe('applies')
  })

  it('offers no carer’s assessment when the person cared for lives abroad, and says why under "not included"', () => {
    const abroad = { 'cared-for-lives': 'outside-uk', already: ['none'] }
    const left = planFor(abroad).notIncluded.find((o) => o.service.id === 'carers-assessment')
    expect(left?.why).toBe('unavailable')
  })

  it('tells a carer whose "not sure" leaves the disability benefit open about the care certificate', () => {
    // 20 to 34 hours: the questions on the way to Carer's Allowance are not asked.
    const answers = {
      nation: 'england',
      age: '20-or-over',
      hours: '20-to-34',
      already: ['none'],
      'disability-benefit': 'not-sure',
      'cared-for-lives': 'england',
    }
    const result = completePlan('caring', answers, PERSONA_DAY)
    expect(shownService(result, 'carers-credit')?.notes).toContain('care-certificate')
    const knows = plan('caring', { ...answers, 'disability-benefit': 'yes' }, PERSONA_DAY)
    expect(shownService(knows, 'carers-credit')?.notes).not.toContain('care-certificate')
  })

  it('names where the citizen lives once, first, when a "may" rests on it too', () => {
    const abroad = { nation: 'outside-uk', already: ['none'], earnings: 'yes' }
    const reasons = shownService(planFor(abroad), 'carers-allowance-abroad')?.reasons.map((r) => r.fact) ?? []
    expect(reasons[0]).toBe('nation:outside-uk')
    expect(reasons.filter((f) => f === 'nation:outside-uk')).toHaveLength(1)
  })
})

/**
 * The person cared for claims their disability benefit where they live: "If you live in Scotland,
 * you need to apply for Adult Disability Payment" (gov.uk/pip/eligibility, read 2026-12-05). An
 * adult carer is supported by the council where the person cared for lives (Carers (Scotland) Act
 * 2016 s6(6); Care Act 2014 s20(1)(a)); a young carer's own assessment is where they live
 * (Children Act 1989 s17ZA: "a young carer within their area").
 */
describe('the help for the person cared for, and the carer’s council, by where the person cared for lives', () => {
  const partTime = { age: '20-or-over', hours: '20-to-34', already: ['none'] }
  const cared = (nation: string, disability: string, lives?: string) => ({
    ...partTime,
    nation,
    'disability-benefit': disability,
    ...(lives ? { 'cared-for-lives': lives } : {}),
  })
  // The services one step of the complete plan shows.
  const inStep = (answers: Record<string, string | string[]>, step: string) =>
    completePlan('caring', answers, PERSONA_DAY)
      .steps.filter((s) => s.id === step)
      .flatMap(servicesIn)
  const offered = (answers: Record<string, string | string[]>) => inStep(answers, 'cared-for').map((s) => s.service.id)

  it('asks every adult carer where the person lives, and a young carer only when the person may claim a benefit', () => {
    expect(pathOf('caring', cared('england', 'yes'), PERSONA_DAY).next).toBe('cared-for-lives')
    const young = (disability: string) => ({ ...cared('england', disability), age: '16-to-17' })
    expect(pathOf('caring', young('no'), PERSONA_DAY).next).toBe('cared-for-lives')
    expect(pathOf('caring', young('not-sure'), PERSONA_DAY).next).toBe('cared-for-lives')
    expect(pathOf('caring', young('yes'), PERSONA_DAY)).toEqual({
      answered: ['nation', 'age', 'hours', 'already', 'disability-benefit'],
      next: undefined,
    })
  })

  it('sends an adult carer to the council where the person cared for lives, and a young carer to their own', () => {
    const support = (answers: Record<string, string | string[]>) =>
      inStep(answers, 'support')
        .filter((s) => s.service.id !== 'carers-leave')
        .map((s) => `${s.service.id}@${s.variantId}`)
    // In England, caring for someone in Scotland: Scotland's Adult Carer Support Plan.
    expect(support(cared('england', 'yes', 'scotland'))).toEqual(['adult-carer-support-plan@scotland'])
    // In Scotland, caring for someone in Wales: the Welsh council's carer's needs assessment.
    expect(support(cared('scotland', 'yes', 'wales'))).toEqual(['carers-assessment@wales'])
    const wales = shownWith(completePlan('caring', cared('scotland', 'yes', 'wales'), PERSONA_DAY), 'carers-assessment')
    expect(wales.reasons).toEqual(['carer-council:wales:yes'])
    // A 16-year-old in England caring for someone in Scotland: England's young carer's assessment.
    const young = { ...cared('england', 'no', 'scotland'), age: '16-to-17' }
    expect(support(young)).toEqual(['carers-assessment@england'])
    expect(shownService(completePlan('caring', young, PERSONA_DAY), 'carers-assessment')?.notes).toEqual([
      'young-carer-needs-assessment',
    ])
  })

  it('shows Social Security Scotland’s benefits to a carer in England for someone in Scotland, and says why', () => {
    expect(offered(cared('england', 'no', 'scotland'))).toEqual([
      'pension-age-disability-payment',
      'adult-disability-payment',
      'child-disability-payment',
    ])
    const adp = shownWith(
      completePlan('caring', cared('england', 'no', 'scotland'), PERSONA_DAY),
      'adult-disability-payment',
    )
    expect(adp.reasons).toEqual(['cared-for:scotland:yes', 'no-disability-benefit:yes'])
  })

  it('shows the Department for Work and Pensions’ benefits to a carer in Scotland for someone in England', () => {
    expect(offered(cared('scotland', 'not-sure', 'england'))).toEqual(['attendance-allowance', 'pip', 'dla-children'])
  })

  it('shows Northern Ireland’s own offices to a carer in Wales for someone in Northern Ireland', () => {
    const result = completePlan('caring', cared('wales', 'no', 'northern-ireland'), PERSONA_DAY)
    expect(shownService(result, 'pip')?.variantId).toBe('ni')
    expect(shownService(result, 'attendance-allowance')?.variantId).toBe('ni')
  })

  it('shows the route from abroad when the person cared for lives outside the UK, wherever the carer lives', () => {
    expect(offered(cared('england', 'no', 'outside-uk'))).toEqual(['disability-benefits-abroad'])
    expect(offered(cared('outside-uk', 'no', 'england'))).toEqual(['attendance-allowance', 'pip', 'dla-children'])
  })
})

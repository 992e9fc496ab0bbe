import { plan, shownService } from '../../helpers/triage'
import { completePlan, shownWith } from '../../helpers/triage/shown'

/**
 * Time limits that count from a day the portal does not ask: Tell Us Once is used within 28 days
 * of getting the reference number, the funeral payments are claimed within 6 months of the
 * funeral (gov.uk, mygov.scot and nidirect, read 2026-12-05). Within 6 months of the death both
 * are surely in time; later, each is "may" with the reason. Dates worked out by hand: on
 * 1 December 2026, a death on 1 November is 1 month ago, one on 1 April 8 months ago.
 */
describe('time limits on the plan after a death: dated where the answers date them, "may" where they count from a day not asked', () => {
  const today = new Date(Date.UTC(2026, 11, 1))
  const answers = (date: string, where = 'england', relationship = 'spouse-or-civil-partner') => ({
    died: where,
    'date-of-death': date,
    live: where,
    relationship,
    ...(relationship === 'spouse-or-civil-partner' ? { 'date-of-birth': '1980-05-05', already: ['none'] } : {}),
    'their-children': 'no',
    ...(relationship === 'spouse-or-civil-partner' ? { pregnant: 'no' } : {}),
    'paying-for-funeral': 'yes',
    'funeral-benefits': 'yes',
  })
  const shown = (date: string, id: string, where?: string, relationship?: string) =>
    shownWith(completePlan('bereavement', answers(date, where, relationship), today), id)

  /** In time 1 month after the death, "may" with the reason 8 months after it. */
  const expectMayOnceLate = (id: string, reason: string, where?: string) => {
    const recent = shown('2026-11-01', id, where)
    expect(recent.certainty).toBe('applies')
    expect(recent.reasons).not.toContain(reason)
    const earlier = shown('2026-04-01', id, where)
    expect(earlier.certainty).toBe('may-apply')
    expect(earlier.reasons).toContain(reason)
  }

  it('Tell Us Once applies for a death 1 month ago and may apply for one 8 months ago, with the reason', () => {
    expectMayOnceLate('tell-us-once', 'tell-us-once-time-may-have-passed:yes')
  })

  it('Funeral Expenses Payment applies for a death 1 month ago and may apply for one 8 months ago, with the reason', () => {
    expectMayOnceLate('funeral-expenses-payment', 'funeral-claim-time-depends:yes')
    // Northern Ireland's variant, and Scotland's Funeral Support Payment, the same way.
    expectMayOnceLate('funeral-expenses-payment', 'funeral-claim-time-depends:yes', 'northern-ireland')
    expectMayOnceLate('funeral-support-payment', 'funeral-claim-time-depends:yes', 'scotland')
  })

  it('6 months after the death is still in time; the day after is not', () => {
    // 1 June + 6 months is 1 December: the band holds on its last day.
    expect(shown('2026-06-01', 'tell-us-once').certainty).toBe('applies')
    expect(shown('2026-05-31', 'tell-us-once').certainty).toBe('may-apply')
  })

  it('gives both reasons when the step was already "may" for another one', () => {
    // A sister: the funeral payment depends on whether someone closer could pay, and on the funeral's date.
    const sister = shown('2026-04-01', 'funeral-expenses-payment', 'england', 'other')
    expect(sister.certainty).toBe('may-apply')
    expect(sister.reasons).toEqual(
      expect.arrayContaining(['closer-relative-may-pay:yes', 'funeral-claim-time-depends:yes']),
    )
    // A death abroad: Tell Us Once depends on where they normally lived, and on when the number came.
    const abroad = plan('bereavement', { ...answers('2026-04-01'), died: 'outside-uk' }, today)
    const step = shownService(abroad, 'tell-us-once')
    expect(step?.variantId).toBe('abroad')
    expect(step?.certainty).toBe('may-apply')
    expect(step?.reasons.map((r) => r.fact)).toEqual(
      expect.arrayContaining(['died-abroad', 'tell-us-once-time-may-have-passed']),
    )
  })

  it('Northern Ireland’s Child Funeral Fund, claimed within 6 months of the funeral, may apply 8 months on', () => {
    // nidirect.gov.uk/articles/child-funeral-fund: "the claim is made within 6 months of the date of funeral".
    const parent = (date: string, where: string) => ({
      ...answers(date, where, 'parent'),
      'child-age': 'under-18',
      'funeral-benefits': 'no',
    })
    const fund = (date: string, where: string) =>
      shownService(plan('bereavement', parent(date, where), today), 'child-funeral-costs')
    expect(fund('2026-11-01', 'northern-ireland')?.certainty).toBe('applies')
    expect(fund('2026-04-01', 'northern-ireland')?.certainty).toBe('may-apply')
    // England's fund is not a claim with that limit: unchanged.
    expect(fund('2026-04-01', 'england')?.certainty).toBe('applies')
  })

  it('does not tell the parent of a child who died that a closer relative could pay for the funeral', () => {
    // gov.uk/funeral-payments/eligibility: the parent of a deceased child comes first, as a partner does.
    const parent = { ...answers('2026-11-01', 'england', 'parent'), 'child-age': 'under-18' }
    const payment = shownService(plan('bereavement', parent, today), 'funeral-expenses-payment')
    expect(payment?.certainty).toBe('applies')
    expect(payment?.reasons.map((r) => r.fact)).not.toContain('closer-relative-may-pay')
  })

  it('dates Bereavement Support Payment’s time limits for someone claiming from abroad, as in Great Britain', () => {
    // gov.uk/bereavement-support-payment/what-youll-get: 3 months for the full amount, up to 21 months.
    // A death on 1 March 2026: the full amount by 1 June 2026 (passed), less until 1 December 2027.
    const widow = { ...answers('2026-03-01', 'england'), live: 'outside-uk' }
    const payment = shownService(plan('bereavement', widow, today), 'bereavement-support-lower')
    expect(payment?.variantId).toBe('abroad')
    expect(payment?.deadlineBy).toEqual({
      by: '2026-06-01',
      passed: true,
      late: { until: '2027-12-01', passed: false },
    })
  })

  it('gives a stillbirth in Northern Ireland a year to register, as nidirect does', () => {
    // nidirect.gov.uk/articles/registering-stillbirth: "one year from the date of the stillbirth".
    const parent = {
      died: 'northern-ireland',
      'date-of-death': '2026-11-20',
      live: 'northern-ireland',
      relationship: 'parent',
      'child-age': 'stillborn',
      'paying-for-funeral': 'no',
    }
    const step = shownService(plan('bereavement', parent, today), 'register-stillbirth')
    expect(step?.variantId).toBe('ni')
    expect(step?.deadlineBy).toEqual({ by: '2027-11-20', passed: false })
  })
})

/**
 * Bereavement Support Payment is not paid for any time after the claimant reaches State Pension
 * age (Pensions Act 2014 s30(5)), and a claim made more than 3 months after the death is paid
 * only from 3 months before the claim, first payment included (SI 2017/410 regs 2(2) and 3).
 * Worked by hand: a widow born 1 March 1960 reaches State Pension age (66) on 1 March 2026, one
 * born 1 June 1959 reached it on 1 June 2025, one born 1980 has not; each was under it on the
 * day of the death.
 */
describe('Bereavement Support Payment once the widow has reached State Pension age since the death', () => {
  const REASON = 'bsp-pension-age-since-death:yes'
  const payment = (dateOfBirth: string, dateOfDeath: string, today: string, children = false) => {
    const answers = {
      died: 'wales',
      'date-of-death': dateOfDeath,
      live: 'wales',
      relationship: 'spouse-or-civil-partner',
      'date-of-birth': dateOfBirth,
      'their-children': children ? 'yes' : 'no',
      already: children ? ['child-benefit'] : ['none'],
      ...(children ? {} : { pregnant: 'no' }),
      'paying-for-funeral': 'no',
    }
    const result = completePlan('bereavement', answers, new Date(`${today}T12:00:00Z`))
    return shownWith(result, children ? 'bereavement-support-higher' : 'bereavement-support-lower')
  }

  it('claimed within 3 months of the death it is paid from the death, before she reached the age: it applies', () => {
    // Died 1 January 2026, claiming 1 April 2026: 3 months to the day; she turned 66 on 1 March.
    const inTime = payment('1960-03-01', '2026-01-01', '2026-04-01')
    expect(inTime.certainty).toBe('applies')
    expect(inTime.reasons).not.toContain(REASON)
  })

  it('a day later than 3 months it may have nothing left, and says why', () => {
    expect(payment('1960-03-01', '2025-12-31', '2026-04-01')).toEqual({
      certainty: 'may-apply',
      reasons: expect.arrayContaining([REASON]),
    })
    // 19 months on, long after she reached the age; the higher rate the same way.
    expect(payment('1959-06-01', '2025-05-01', '2026-12-01').certainty).toBe('may-apply')
    expect(payment('1959-06-01', '2025-05-01', '2026-12-01', true)).toEqual({
      certainty: 'may-apply',
      reasons: expect.arrayContaining([REASON]),
    })
  })

  it('someone still under State Pension age is not told it, however late the claim', () => {
    const younger = payment('1980-05-05', '2025-05-01', '2026-12-01')
    expect(younger.certainty).toBe('applies')
    expect(younger.reasons).not.toContain(REASON)
  })
})

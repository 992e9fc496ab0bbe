import { datedDeadline, lastDay } from '../../../app/triage/deadlines'
import { plan } from '../../helpers/triage'
import { CATALOGUE } from '../../../app/catalogue'

/**
 * Deadlines as days. Every expected date here is worked out by hand from the rule ("the day
 * of the event is day 0, every calendar day counts; months keep the day of the month, or the
 * month's last day"), never read from the engine's output.
 */
const days = (within: number) => ({ within, unit: 'days' as const })
const months = (within: number) => ({ within, unit: 'months' as const })

describe('the last day of a time limit', () => {
  it('counts calendar days from the day after the event: died 2 December, 5 days, by 7 December', () => {
    expect(lastDay('2026-12-02', days(5))).toBe('2026-12-07')
    expect(lastDay('2026-11-27', days(8))).toBe('2026-12-05')
  })

  it('runs over a month end, a year end and a clock change without losing a day', () => {
    expect(lastDay('2026-11-28', days(5))).toBe('2026-12-03')
    expect(lastDay('2026-12-29', days(5))).toBe('2027-01-03')
    // British Summer Time starts on 29 March 2026: still 5 calendar days.
    expect(lastDay('2026-03-27', days(5))).toBe('2026-04-01')
    expect(lastDay('2026-10-23', days(8))).toBe('2026-10-31')
  })

  it('counts weeks as 7 days', () => {
    expect(lastDay('2026-12-01', { within: 2, unit: 'weeks' })).toBe('2026-12-15')
  })

  it('keeps the day of the month for months, or the last day of a shorter month', () => {
    expect(lastDay('2026-11-27', months(3))).toBe('2027-02-27')
    expect(lastDay('2026-08-31', months(3))).toBe('2026-11-30')
    expect(lastDay('2026-11-30', months(3))).toBe('2027-02-28')
    expect(lastDay('2027-11-30', months(3))).toBe('2028-02-29')
    expect(lastDay('2026-10-15', months(3))).toBe('2027-01-15')
  })
})

describe('a deadline as a day', () => {
  const sourced = {
    ...days(5),
    after: 'death',
    source: 'https://www.nidirect.gov.uk/articles/registering-death-district-registrar',
    checked: '2026-12-01',
  }
  const death = new Map([['death', '2026-11-27']])
  const on = (iso: string) => new Date(`${iso}T23:30:00Z`)

  it('is still open on its last day and passed the day after', () => {
    expect(datedDeadline(sourced, death, on('2026-12-02'))).toEqual({ by: '2026-12-02', passed: false })
    expect(datedDeadline(sourced, death, on('2026-12-03'))).toEqual({ by: '2026-12-02', passed: true })
  })

  it('keeps a late claim open to its own last day, counted the same way', () => {
    // "Claim within 3 months to get it all; you can claim up to 21 months after": died 27
    // November 2026, so 27 February 2027 and 27 August 2028.
    const late = { ...months(3), lateUntil: 21, after: 'death', source: sourced.source, checked: sourced.checked }
    expect(datedDeadline(late, death, on('2027-02-28'))).toEqual({
      by: '2027-02-27',
      passed: true,
      late: { until: '2028-08-27', passed: false },
    })
    expect(datedDeadline(late, death, on('2028-08-27'))?.late).toEqual({ until: '2028-08-27', passed: false })
    expect(datedDeadline(late, death, on('2028-08-28'))?.late).toEqual({ until: '2028-08-27', passed: true })
  })

  it('is not worked out without an official source, or without the date of the event', () => {
    const { source: _source, checked: _checked, ...unsourced } = sourced
    expect(datedDeadline(unsourced, death, on('2026-12-01'))).toBeUndefined()
    expect(datedDeadline(sourced, new Map(), on('2026-12-01'))).toBeUndefined()
    expect(datedDeadline({ ...sourced, after: 'funeral' }, death, on('2026-12-01'))).toBeUndefined()
  })
})

describe('the bereavement plan’s deadlines, from the date they died', () => {
  const today = new Date(Date.UTC(2026, 11, 1))
  const answers = (died: string, live: string, date: string) => ({
    died,
    'date-of-death': date,
    live,
    relationship: 'spouse-or-civil-partner',
    'date-of-birth': '1980-05-05',
    'their-children': 'yes',
    already: ['child-benefit'],
    'paying-for-funeral': 'no',
  })
  const byService = (p: ReturnType<typeof plan>) =>
    Object.fromEntries(
      p.steps
        .flatMap((s) => s.items)
        .flatMap((i) => (i.kind === 'service' ? [i] : i.options))
        .map((s) => [s.service.id, s.deadlineBy]),
    )

  it('Northern Ireland: register within 5 days, claim within 3 months', () => {
    const found = byService(plan('bereavement', answers('northern-ireland', 'northern-ireland', '2026-11-27'), today))
    expect(found['register-death']).toEqual({ by: '2026-12-02', passed: false })
    // The late claim, up to 21 months after: 27 August 2028.
    expect(found['bereavement-support-higher']).toEqual({
      by: '2027-02-27',
      passed: false,
      late: { until: '2028-08-27', passed: false },
    })
  })

  it('Scotland: register within 8 days', () => {
    const found = byService(plan('bereavement', answers('scotland', 'scotland', '2026-11-27'), today))
    expect(found['register-death']).toEqual({ by: '2026-12-05', passed: false })
  })

  it('England: no day for registering (it counts from the medical examiner’s call, not asked), a day for the payment', () => {
    const found = byService(plan('bereavement', answers('england', 'england', '2026-08-31'), today))
    expect(found['register-death']).toBeUndefined()
    // 31 August + 21 months is 31 May 2028.
    expect(found['bereavement-support-higher']).toEqual({
      by: '2026-11-30',
      passed: true,
      late: { until: '2028-05-31', passed: false },
    })
  })
})

describe('the date of death’s bands and the late claim they stand for', () => {
  // Bereavement Support Payment is left out once its late claim's last day has gone, by the date
  // of death's band (outcomes/bereavement.yaml), not by its deadline: the two must name the same
  // limit, or the plan would leave it out early or show a claim whose day has gone.
  it('Bereavement Support Payment’s late claim ends where a band of the date of death ends', () => {
    const bereavement = CATALOGUE.outcomes.find((o) => o.id === 'bereavement')
    const death = bereavement?.questions.find((q) => q.kind === 'date' && q.event === 'death')
    const bandMonths = death?.kind === 'date' ? death.bands.map((b) => b.withinMonths) : []
    const lateClaims = ['bereavement-support-higher', 'bereavement-support-lower'].flatMap((id) =>
      Object.values(CATALOGUE.services[id]?.variants ?? {}).flatMap((v) => (v.deadline?.lateUntil ? [v.deadline] : [])),
    )
    expect(lateClaims.length).toBeGreaterThan(0)
    for (const deadline of lateClaims) {
      expect(deadline.unit).toBe('months')
      expect(bandMonths).toContain(deadline.lateUntil)
    }
  })
})

import { outcomeById } from '../../../app/catalogue'
import { reachedStatePensionAge, YOUNGEST_PENSION_AGE } from '../../../app/triage/pension-age'

/** The day before an ISO date. */
const dayBefore = (iso: string): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/**
 * Expected days written from the law, not from the code: Pensions Act 1995 Schedule 4 para 1
 * table 3 as substituted by the Pensions Act 2014 s 26(3), its three month-end cases (7A), and
 * the Act's explanatory notes, paragraphs 123–125 (legislation.gov.uk, read 2026-12-05).
 */
const REACHED_ON: readonly [born: string, reached: string, why: string][] = [
  ['1955-01-10', '2021-01-10', '66th birthday (born 6 October 1954 to 5 April 1960)'],
  ['1960-04-05', '2026-04-05', 'the last day of birth with 66'],
  ['1960-04-06', '2026-05-06', 'the first day of birth with 66 and 1 month'],
  ['1960-04-15', '2026-05-15', 'the notes: 66 and 1 month on 15 May 2026'],
  ['1960-05-05', '2026-06-05', 'still 66 and 1 month: a cohort runs to the 5th'],
  ['1960-05-06', '2026-07-06', '66 and 2 months from the 6th'],
  ['1960-07-31', '2026-11-30', '(7A)(a): 66 and 4 months, November has no 31st'],
  ['1960-09-10', '2027-03-10', 'the notes: 66 and 6 months on 10 March 2027'],
  ['1960-12-31', '2027-09-30', '(7A)(b): 66 and 9 months'],
  ['1961-01-22', '2027-11-22', 'the notes: 66 and 10 months on 22 November 2027'],
  ['1961-01-31', '2027-11-30', '(7A)(c): 66 and 10 months'],
  ['1961-03-05', '2028-02-05', 'the last day of birth with 66 and 11 months'],
  ['1961-03-06', '2028-03-06', 'the first day of birth with 67'],
  ['1970-08-20', '2037-08-20', '67th birthday (born 6 March 1961 to 5 April 1977)'],
]

describe('State Pension age from the date of birth', () => {
  it.each(REACHED_ON)('born %s reaches it on %s: %s', (born, reached) => {
    expect(reachedStatePensionAge(born, reached)).toBe(true)
    expect(reachedStatePensionAge(born, dayBefore(reached))).toBe(false)
  })

  it('at 66 today (5 December 2026), whether it is reached depends on the month of birth', () => {
    const today = '2026-12-05'
    // 66 years and 8 months for 6 November to 5 December 1960: 20 July 2027, not yet.
    expect(reachedStatePensionAge('1960-11-20', today)).toBe(false)
    // 66 years and 4 months for 6 July to 5 August 1960: 20 November 2026, reached.
    expect(reachedStatePensionAge('1960-07-20', today)).toBe(true)
  })
})

describe('the age the date-of-birth question names', () => {
  // The hint says State Pension age "starts at {pensionAge} or later": the figure kept with the
  // question (with its source and date) must be the youngest age the engine decides with.
  it('is the youngest State Pension age the engine uses', () => {
    const question = outcomeById('bereavement').questions.find((q) => q.id === 'date-of-birth')
    expect(question?.figures?.['pensionAge']?.amount).toBe(YOUNGEST_PENSION_AGE)
  })
})

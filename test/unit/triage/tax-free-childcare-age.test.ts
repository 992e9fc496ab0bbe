import { completePlan, shownWith } from '../../helpers/triage/shown'
import { PERSONA_DAY } from '../../../app/triage/personas'

/**
 * Tax-Free Childcare is for a child "until 1 September after their 11th birthday, or until 1
 * September after their 16th birthday if they are disabled" (childcarechoices.gov.uk/tax-free-
 * childcare/eligibility, read 2026-12-06). The portal asks "5 to 11", not a birthday: an
 * 11-year-old who has started secondary school is in that band but past that September. Worked
 * from the rule: with a child under 5 too, the family surely has a child it is for; with only
 * 5 to 11, "may" and the rule as the reason; a disabled child on Disability Living Allowance
 * counts until 16 whatever their age in the band.
 */
describe('Tax-Free Childcare and the 5 to 11 age band', () => {
  const REASON = 'tfc-age-open:yes'
  const family = (children: string[], changes: Record<string, string | string[]> = {}) =>
    completePlan(
      'child-support',
      {
        nation: 'england',
        children,
        work: 'working',
        'high-income': 'no',
        benefits: 'none',
        'disabled-child': 'no',
        'bereaved-child': 'no',
        already: ['child-benefit'],
        ...changes,
      },
      PERSONA_DAY,
    )

  it('may apply, with the rule as the reason, when the youngest child is 5 to 11', () => {
    expect(shownWith(family(['5-to-11']), 'tax-free-childcare')).toEqual({
      certainty: 'may-apply',
      reasons: expect.arrayContaining([REASON]) as string[],
    })
    // An older child does not settle it: over 11 they count only if disabled.
    expect(shownWith(family(['5-to-11', '12-to-15']), 'tax-free-childcare').certainty).toBe('may-apply')
  })

  it('applies when a younger child is surely under the age limit', () => {
    const withToddler = shownWith(family(['1-to-2', '5-to-11']), 'tax-free-childcare')
    expect(withToddler.certainty).toBe('applies')
    expect(withToddler.reasons).not.toContain(REASON)
  })

  it('applies for a disabled child who gets Disability Living Allowance, who counts until 16', () => {
    const disabled = family(['5-to-11'], {
      'disabled-child': 'yes',
      'caring-hours': 'no',
      already: ['child-benefit', 'dla-children'],
    })
    expect(shownWith(disabled, 'tax-free-childcare').certainty).toBe('applies')
    // Without it, whether an 11-year-old counts as disabled for it is open too.
    const noDla = family(['5-to-11'], { 'disabled-child': 'yes', 'caring-hours': 'no' })
    expect(shownWith(noDla, 'tax-free-childcare').reasons).toContain(REASON)
  })

  it('may apply when the child on the disability benefit may be the young person of 16 to 19', () => {
    // Child Disability Payment goes on past 16 (Scotland): the younger child's age still decides.
    const both = family(['5-to-11', '16-to-19'], {
      nation: 'scotland',
      'parent-age': '20-or-over',
      'disabled-child': 'yes',
      'caring-hours': 'no',
      already: ['child-benefit', 'child-disability-payment'],
    })
    expect(shownWith(both, 'tax-free-childcare')).toEqual({
      certainty: 'may-apply',
      reasons: expect.arrayContaining([REASON]) as string[],
    })
  })
})

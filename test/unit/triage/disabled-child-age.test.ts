import { shownService } from '../../helpers/triage'
import { completePlan } from '../../helpers/triage/shown'
import { PERSONA_DAY } from '../../../app/triage/personas'

/**
 * "Is any of your children disabled?" does not say which. DLA for children is for a child "under 16
 * - anyone over 16 must apply for Personal Independence Payment"
 * (gov.uk/disability-living-allowance-children/eligibility, read 2026-12-06); Carer's Allowance needs
 * the child cared for to get DLA's middle or highest care rate or PIP's daily living part
 * (gov.uk/carers-allowance/eligibility, read 2026-12-02). With children on both sides of 16, each
 * disability benefit is "may", and the carer's payment names both.
 */
const family = (nation: string, children: string[]) => ({
  nation,
  children,
  work: 'not-working',
  benefits: 'universal-credit',
  'disabled-child': 'yes',
  'caring-hours': 'yes',
  'bereaved-child': 'no',
  already: ['child-benefit'],
})
const shown = (nation: string, children: string[], id: string) => {
  const service = shownService(completePlan('child-support', family(nation, children), PERSONA_DAY), id)
  return service && { certainty: service.certainty, facts: service.reasons.map((r) => r.fact) }
}

describe('a disabled child when the family has children both under 16 and 16 to 19', () => {
  it('makes DLA and PIP "may", each with the age it is for', () => {
    expect(shown('england', ['5-to-11', '16-to-19'], 'dla-children')).toMatchObject({
      certainty: 'may-apply',
      facts: expect.arrayContaining(['disabled-child-may-be-16-or-over']),
    })
    expect(shown('england', ['5-to-11', '16-to-19'], 'pip')).toMatchObject({
      certainty: 'may-apply',
      facts: expect.arrayContaining(['disabled-child-may-be-under-16']),
    })
    // With only one side of 16, the benefit for that age is certain.
    expect(shown('england', ['5-to-11'], 'dla-children')?.certainty).toBe('applies')
    expect(shown('england', ['16-to-19'], 'pip')?.certainty).toBe('applies')
  })

  it('has Carer’s Allowance and Carer Support Payment name both benefits, not only the child’s', () => {
    const carers = shown('england', ['5-to-11', '16-to-19'], 'carers-allowance')
    expect(carers?.facts).toContain('carer-needs-dla-or-pip')
    expect(carers?.facts).not.toContain('carer-needs-dla')
    const scottish = shown('scotland', ['5-to-11', '16-to-19'], 'carer-support-payment')
    expect(scottish?.facts).toContain('carer-needs-cdp-or-adp')
    expect(scottish?.facts).not.toContain('carer-needs-cdp')
    // A child under 16 only: claim DLA for them first, as before.
    expect(shown('england', ['5-to-11'], 'carers-allowance')?.facts).toContain('carer-needs-dla')
  })
})

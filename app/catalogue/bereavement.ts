import { allOf, always, anyOf, fact, not } from '../rules/evaluate'
import type { Outcome } from './types'
import { nationQuestion, optionsSetting, yesNo } from './helpers'
import { fig } from './sources'

const partnered = anyOf(fact('relationship:spouse-or-civil-partner'), fact('relationship:partner'))
const childBenefit = fact('child-benefit-or-pregnant')
const underPensionAge = fact('under-state-pension-age')
const scotland = fact('nation:scotland')
const paysOnBenefits = allOf(fact('paying-for-funeral'), fact('on-qualifying-benefit'))

/** Someone has died: register, tell government once, then money for the family. */
export const bereavement: Outcome = {
  id: 'bereavement',
  steps: ['first-steps', 'money', 'children'],
  questions: [
    nationQuestion(),
    {
      id: 'relationship',
      kind: 'radios',
      options: optionsSetting('relationship', ['spouse-or-civil-partner', 'partner', 'parent', 'child', 'other']),
    },
    {
      id: 'date-of-birth',
      kind: 'date',
      askIf: partnered,
      figures: { pensionAge: fig.statePensionAge },
      // State Pension age is rising from 66 to 67 between 2026 and 2028: at 66 it depends on
      // the exact date of birth, so the plan says "may" rather than guessing.
      bands: [
        { value: 'under-66', underYears: 66, sets: ['under-state-pension-age'] },
        { value: 'age-66', underYears: 67, unsure: ['under-state-pension-age'] },
        { value: '67-or-over' },
      ],
    },
    yesNo('child-benefit', 'child-benefit-or-pregnant', { askIf: partnered }),
    yesNo('paying-for-funeral', 'paying-for-funeral'),
    yesNo('funeral-benefits', 'on-qualifying-benefit', { notSure: true, askIf: fact('paying-for-funeral') }),
    yesNo('their-children', 'bringing-up-their-children'),
  ],
  derived: [],
  services: [
    { service: 'register-death', step: 'first-steps', showIf: always },
    { service: 'tell-us-once', step: 'first-steps', showIf: not(fact('nation:northern-ireland')) },
    {
      service: 'bereavement-support-higher',
      step: 'money',
      showIf: allOf(partnered, underPensionAge, childBenefit),
    },
    {
      // Partners who were not married or in a civil partnership qualify only with children.
      service: 'bereavement-support-lower',
      step: 'money',
      showIf: allOf(fact('relationship:spouse-or-civil-partner'), underPensionAge, not(childBenefit)),
    },
    { service: 'funeral-expenses-payment', step: 'money', showIf: allOf(not(scotland), paysOnBenefits) },
    { service: 'funeral-support-payment', step: 'money', showIf: allOf(scotland, paysOnBenefits) },
    // A surviving parent does not get Guardian's Allowance for their own children.
    {
      service: 'guardians-allowance',
      step: 'children',
      showIf: allOf(fact('bringing-up-their-children'), not(partnered)),
    },
    { service: 'child-benefit', step: 'children', showIf: fact('bringing-up-their-children') },
  ],
}

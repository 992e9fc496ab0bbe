import { allOf, always, anyOf, fact, not } from '../rules/evaluate'
import type { Outcome } from './types'
import { nationQuestion, optionsSetting, yesNo } from './helpers'
import { fig } from './sources'

const fullTime = fact('hours:35-or-more')
const scotland = fact('nation:scotland')
const carersAllowanceRule = allOf(
  fullTime,
  fact('gets-disability-benefit'),
  fact('earnings-within-limit'),
  not(fact('in-full-time-education')),
)

/** Caring for someone: money for carers, National Insurance credits, support from the council. */
export const caring: Outcome = {
  id: 'caring',
  steps: ['money', 'support'],
  questions: [
    nationQuestion(),
    { id: 'hours', kind: 'radios', options: optionsSetting('hours', ['under-20', '20-to-34', '35-or-more']) },
    yesNo('disability-benefit', 'gets-disability-benefit', { notSure: true, askIf: fullTime }),
    {
      ...yesNo('earnings', 'earnings-within-limit', { notSure: true, askIf: fullTime }),
      figures: { limit: fig.carersEarnings },
    },
    yesNo('full-time-education', 'in-full-time-education', { askIf: fullTime }),
    yesNo('universal-credit', 'on-universal-credit', { notSure: true }),
  ],
  derived: [{ fact: 'caring-20-hours', when: anyOf(fact('hours:20-to-34'), fullTime) }],
  services: [
    { service: 'carers-allowance', step: 'money', showIf: allOf(not(scotland), carersAllowanceRule) },
    { service: 'carer-support-payment', step: 'money', showIf: allOf(scotland, carersAllowanceRule) },
    { service: 'uc-carer-element', step: 'money', showIf: allOf(fact('on-universal-credit'), fullTime) },
    { service: 'carers-credit', step: 'money', showIf: fact('caring-20-hours') },
    { service: 'carers-assessment', step: 'support', showIf: always },
  ],
}

import { allOf, anyOf, fact, not } from '../rules/evaluate'
import type { Outcome } from './types'
import { nationQuestion, optionsSetting, yesNo } from './helpers'
import { fig } from './sources'

const scotland = fact('nation:scotland')
const notScotland = not(scotland)
const child = (age: string) => fact(`child:${age}`)
const AGES = ['expecting', 'under-1', '1-to-2', '3-to-4', '5-to-11', '12-to-15', '16-to-19'] as const
const onBenefits = fact('on-benefits')
const onUc = fact('on-universal-credit')
const disabled = fact('disabled-child')
const babyOrExpecting = anyOf(child('expecting'), child('under-1'))

/** Get support for a child: money, childcare, food and school, disability and caring. */
export const childSupport: Outcome = {
  id: 'child-support',
  steps: ['money', 'childcare', 'food-and-school', 'disability-and-caring'],
  questions: [
    nationQuestion(),
    { id: 'children', kind: 'checkboxes', options: optionsSetting('child', AGES) },
    {
      id: 'work',
      kind: 'radios',
      options: [
        { value: 'working', sets: ['in-work', 'working-enough'] },
        // Some work may or may not reach 16 hours at minimum wage: childcare schemes then "may apply".
        { value: 'some-work', sets: ['in-work'], unsure: ['working-enough'] },
        { value: 'not-working' },
      ],
    },
    {
      ...yesNo('high-income', 'income-over-100k', { notSure: true, askIf: fact('in-work') }),
      figures: { limit: fig.incomeLimit },
    },
    {
      id: 'benefits',
      kind: 'radios',
      options: [
        { value: 'universal-credit', sets: ['on-universal-credit', 'on-benefits'] },
        { value: 'other-benefits', sets: ['on-benefits'] },
        { value: 'none' },
        { value: 'not-sure', unsure: ['on-universal-credit', 'on-benefits'] },
      ],
    },
    {
      ...yesNo('uc-take-home-pay', 'uc-pay-under-limit', {
        notSure: true,
        askIf: allOf(onUc, notScotland, anyOf(child('expecting'), fact('child-under-4'))),
      }),
      figures: { limit: fig.ucTakeHome },
    },
    yesNo('first-child', 'first-child', { askIf: allOf(notScotland, babyOrExpecting, onBenefits) }),
    yesNo('disabled-child', 'disabled-child', { askIf: fact('has-child') }),
    yesNo('caring-hours', 'caring-35-hours', { askIf: disabled }),
    yesNo('bereaved-child', 'bringing-up-bereaved-child', { askIf: fact('has-child') }),
  ],
  derived: [
    { fact: 'child-under-4', when: anyOf(child('under-1'), child('1-to-2'), child('3-to-4')) },
    { fact: 'child-11-or-under', when: anyOf(fact('child-under-4'), child('5-to-11')) },
    { fact: 'child-under-16', when: anyOf(fact('child-11-or-under'), child('12-to-15')) },
    { fact: 'has-child', when: anyOf(fact('child-under-16'), child('16-to-19')) },
    { fact: 'school-age', when: anyOf(child('5-to-11'), child('12-to-15')) },
  ],
  services: [
    { service: 'child-benefit', step: 'money', showIf: fact('has-child') },
    { service: 'scottish-child-payment', step: 'money', showIf: allOf(scotland, fact('child-under-16'), onBenefits) },
    { service: 'guardians-allowance', step: 'money', showIf: fact('bringing-up-bereaved-child') },
    {
      service: 'sure-start-maternity-grant',
      step: 'money',
      showIf: allOf(notScotland, babyOrExpecting, onBenefits, fact('first-child')),
    },
    { service: 'best-start-grant', step: 'money', showIf: allOf(scotland, babyOrExpecting, onBenefits) },
    {
      service: 'tax-free-childcare',
      step: 'childcare',
      showIf: allOf(
        fact('working-enough'),
        anyOf(fact('child-11-or-under'), allOf(disabled, child('12-to-15'))),
        not(fact('income-over-100k')),
        not(onUc),
      ),
    },
    {
      service: 'free-childcare-working-england',
      step: 'childcare',
      showIf: allOf(
        fact('nation:england'),
        fact('working-enough'),
        fact('child-under-4'),
        not(fact('income-over-100k')),
      ),
    },
    {
      service: 'free-childcare-3-4-england',
      step: 'childcare',
      showIf: allOf(fact('nation:england'), child('3-to-4')),
    },
    {
      service: 'free-childcare-2-england',
      step: 'childcare',
      showIf: allOf(fact('nation:england'), child('1-to-2'), onBenefits),
    },
    {
      service: 'childcare-offer-wales',
      step: 'childcare',
      showIf: allOf(fact('nation:wales'), fact('working-enough'), child('3-to-4'), not(fact('income-over-100k'))),
    },
    { service: 'flying-start', step: 'childcare', showIf: allOf(fact('nation:wales'), child('1-to-2')) },
    { service: 'uc-childcare-costs', step: 'childcare', showIf: allOf(onUc, fact('in-work'), fact('child-under-16')) },
    {
      service: 'healthy-start',
      step: 'food-and-school',
      showIf: allOf(notScotland, anyOf(child('expecting'), fact('child-under-4')), onUc, fact('uc-pay-under-limit')),
    },
    {
      service: 'best-start-foods',
      step: 'food-and-school',
      showIf: allOf(scotland, anyOf(child('expecting'), fact('child-under-4')), onBenefits),
    },
    { service: 'free-school-meals', step: 'food-and-school', showIf: fact('school-age') },
    {
      service: 'dla-children',
      step: 'disability-and-caring',
      showIf: allOf(notScotland, disabled, fact('child-under-16')),
    },
    {
      service: 'child-disability-payment',
      step: 'disability-and-caring',
      showIf: allOf(scotland, disabled, fact('child-under-16')),
    },
    { service: 'pip', step: 'disability-and-caring', showIf: allOf(notScotland, disabled, child('16-to-19')) },
    {
      service: 'adult-disability-payment',
      step: 'disability-and-caring',
      showIf: allOf(scotland, disabled, child('16-to-19')),
    },
    {
      service: 'carers-allowance',
      step: 'disability-and-caring',
      showIf: allOf(notScotland, disabled, fact('caring-35-hours')),
    },
    {
      service: 'carer-support-payment',
      step: 'disability-and-caring',
      showIf: allOf(scotland, disabled, fact('caring-35-hours')),
    },
  ],
}

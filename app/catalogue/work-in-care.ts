import { allOf, anyOf, fact, not } from '../rules/evaluate'
import type { Outcome } from './types'
import { nationQuestion, optionsSetting } from './helpers'

const englandOrWales = fact('england-or-wales')
const onUpdateService = fact('on-update-service')

/** Work in care: criminal record checks, registration and training, right to work. */
export const workInCare: Outcome = {
  id: 'work-in-care',
  steps: ['check', 'register', 'right-to-work'],
  questions: [
    nationQuestion(),
    { id: 'who-you-support', kind: 'radios', options: optionsSetting('support', ['adults', 'children', 'both']) },
    { id: 'how-you-work', kind: 'radios', options: optionsSetting('work', ['employee', 'self-employed', 'volunteer']) },
    {
      id: 'update-service',
      kind: 'radios',
      // The Update Service only exists for DBS checks, which cover England and Wales.
      askIf: englandOrWales,
      options: [
        { value: 'yes', sets: ['on-update-service'] },
        { value: 'no' },
        { value: 'not-sure', unsure: ['on-update-service'] },
      ],
    },
    {
      id: 'right-to-work',
      kind: 'radios',
      options: optionsSetting('right-to-work', ['british-irish', 'settled-or-visa', 'need-visa']),
    },
  ],
  derived: [
    { fact: 'england-or-wales', when: anyOf(fact('nation:england'), fact('nation:wales')) },
    { fact: 'supports-adults', when: anyOf(fact('support:adults'), fact('support:both')) },
  ],
  services: [
    {
      service: 'dbs-check-employer',
      step: 'check',
      showIf: allOf(englandOrWales, fact('work:employee'), not(onUpdateService)),
    },
    {
      service: 'dbs-check-volunteer',
      step: 'check',
      showIf: allOf(englandOrWales, fact('work:volunteer'), not(onUpdateService)),
    },
    {
      service: 'dbs-check-self-employed',
      step: 'check',
      showIf: allOf(englandOrWales, fact('work:self-employed'), not(onUpdateService)),
    },
    { service: 'dbs-basic-check', step: 'check', showIf: allOf(englandOrWales, fact('work:self-employed')) },
    { service: 'dbs-status-check', step: 'check', showIf: allOf(englandOrWales, onUpdateService) },
    { service: 'dbs-update-service', step: 'check', showIf: allOf(englandOrWales, not(onUpdateService)) },
    { service: 'pvg-scheme', step: 'check', showIf: fact('nation:scotland') },
    { service: 'accessni-check', step: 'check', showIf: fact('nation:northern-ireland') },
    { service: 'care-certificate', step: 'register', showIf: fact('nation:england') },
    {
      service: 'adult-social-care-certificate',
      step: 'register',
      showIf: allOf(fact('nation:england'), fact('supports-adults')),
    },
    {
      service: 'social-care-wales-register',
      step: 'register',
      showIf: allOf(fact('nation:wales'), not(fact('work:volunteer'))),
    },
    { service: 'all-wales-induction', step: 'register', showIf: fact('nation:wales') },
    { service: 'right-to-work-documents', step: 'right-to-work', showIf: fact('right-to-work:british-irish') },
    { service: 'right-to-work-share-code', step: 'right-to-work', showIf: fact('right-to-work:settled-or-visa') },
    { service: 'health-care-worker-visa', step: 'right-to-work', showIf: fact('right-to-work:need-visa') },
  ],
}

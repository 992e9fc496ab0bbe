import type { Persona } from './persona'

const outcome = 'caring'
const full = { hours: '35-or-more', 'disability-benefit': 'yes', earnings: 'yes', 'full-time-education': 'no' }

export const caringPersonas: Persona[] = [
  {
    id: 'full-time-carer-england',
    outcome,
    description: 'Full-time carer in England for someone on PIP, low earnings, not on Universal Credit',
    answers: { nation: 'england', ...full, 'universal-credit': 'no' },
    plan: ['money/carers-allowance', 'money/carers-credit', 'support/carers-assessment'],
  },
  {
    id: 'scottish-carer-on-uc',
    outcome,
    description: 'Full-time carer in Scotland on Universal Credit',
    answers: { nation: 'scotland', ...full, 'universal-credit': 'yes' },
    plan: ['money/carer-support-payment', 'money/uc-carer-element', 'money/carers-credit', 'support/carers-assessment'],
  },
  {
    id: 'part-time-carer-wales',
    outcome,
    description: 'Carer in Wales for 20 to 34 hours a week',
    answers: { nation: 'wales', hours: '20-to-34', 'universal-credit': 'no' },
    plan: ['money/carers-credit', 'support/carers-assessment'],
  },
  {
    id: 'occasional-carer',
    outcome,
    description: 'Carer in England for under 20 hours a week',
    answers: { nation: 'england', hours: 'under-20', 'universal-credit': 'no' },
    plan: ['support/carers-assessment'],
  },
  {
    id: 'student-carer',
    outcome,
    description: 'Full-time student in Northern Ireland caring 35 hours a week',
    answers: { nation: 'northern-ireland', ...full, 'full-time-education': 'yes', 'universal-credit': 'no' },
    plan: ['money/carers-credit', 'support/carers-assessment'],
  },
  {
    id: 'carer-earning-over-limit',
    outcome,
    description: 'Full-time carer in England earning over the limit, on Universal Credit',
    answers: { nation: 'england', ...full, earnings: 'no', 'universal-credit': 'yes' },
    plan: ['money/uc-carer-element', 'money/carers-credit', 'support/carers-assessment'],
  },
  {
    id: 'unsure-carer',
    outcome,
    description: 'Full-time carer in Wales, not sure about benefits or earnings',
    answers: {
      nation: 'wales',
      hours: '35-or-more',
      'disability-benefit': 'not-sure',
      earnings: 'not-sure',
      'full-time-education': 'no',
      'universal-credit': 'not-sure',
    },
    plan: [
      'money/carers-allowance (may)',
      'money/uc-carer-element (may)',
      'money/carers-credit',
      'support/carers-assessment',
    ],
  },
  {
    id: 'part-time-carer-on-uc-scotland',
    outcome,
    description: 'Carer in Scotland for 20 to 34 hours a week on Universal Credit',
    answers: { nation: 'scotland', hours: '20-to-34', 'universal-credit': 'yes' },
    plan: ['money/carers-credit', 'support/carers-assessment'],
  },
]

import type { Persona } from './persona'

const outcome = 'work-in-care'

export const workInCarePersonas: Persona[] = [
  {
    id: 'welsh-domiciliary-employee',
    outcome,
    description: 'Welsh domiciliary care worker, employee, adults only, no Update Service',
    answers: {
      nation: 'wales',
      'who-you-support': 'adults',
      'how-you-work': 'employee',
      'update-service': 'no',
      'right-to-work': 'british-irish',
    },
    plan: [
      'check/dbs-check-employer',
      'check/dbs-update-service',
      'register/social-care-wales-register',
      'register/all-wales-induction',
      'right-to-work/right-to-work-documents',
    ],
  },
  {
    id: 'english-childrens-volunteer',
    outcome,
    description: 'Volunteer with children in England, no DBS certificate',
    answers: {
      nation: 'england',
      'who-you-support': 'children',
      'how-you-work': 'volunteer',
      'update-service': 'no',
      'right-to-work': 'british-irish',
    },
    plan: [
      'check/dbs-check-volunteer',
      'check/dbs-update-service',
      'register/care-certificate',
      'right-to-work/right-to-work-documents',
    ],
  },
  {
    id: 'english-personal-assistant',
    outcome,
    description: 'Personal assistant employed by the person they support in England, with settled status',
    answers: {
      nation: 'england',
      'who-you-support': 'adults',
      'how-you-work': 'self-employed',
      'update-service': 'no',
      'right-to-work': 'settled-or-visa',
    },
    plan: [
      'check/dbs-check-self-employed',
      'check/dbs-basic-check',
      'check/dbs-update-service',
      'register/care-certificate',
      'register/adult-social-care-certificate',
      'right-to-work/right-to-work-share-code',
    ],
  },
  {
    id: 'english-employee-on-update-service',
    outcome,
    description: 'Care home employee in England already on the DBS Update Service, adults and children',
    answers: {
      nation: 'england',
      'who-you-support': 'both',
      'how-you-work': 'employee',
      'update-service': 'yes',
      'right-to-work': 'british-irish',
    },
    plan: [
      'check/dbs-status-check',
      'register/care-certificate',
      'register/adult-social-care-certificate',
      'right-to-work/right-to-work-documents',
    ],
  },
  {
    id: 'welsh-employee-unsure-of-update-service',
    outcome,
    description: 'Children’s care worker in Wales, not sure about the Update Service, on a visa',
    answers: {
      nation: 'wales',
      'who-you-support': 'children',
      'how-you-work': 'employee',
      'update-service': 'not-sure',
      'right-to-work': 'settled-or-visa',
    },
    plan: [
      'check/dbs-check-employer (may)',
      'check/dbs-status-check (may)',
      'check/dbs-update-service (may)',
      'register/social-care-wales-register',
      'register/all-wales-induction',
      'right-to-work/right-to-work-share-code',
    ],
  },
  {
    id: 'scottish-worker-needing-visa',
    outcome,
    description: 'Care worker for adults in Scotland who needs a visa',
    answers: {
      nation: 'scotland',
      'who-you-support': 'adults',
      'how-you-work': 'employee',
      'right-to-work': 'need-visa',
    },
    plan: ['check/pvg-scheme', 'right-to-work/health-care-worker-visa'],
  },
  {
    id: 'northern-irish-volunteer',
    outcome,
    description: 'Volunteer with adults and children in Northern Ireland',
    answers: {
      nation: 'northern-ireland',
      'who-you-support': 'both',
      'how-you-work': 'volunteer',
      'right-to-work': 'british-irish',
    },
    plan: ['check/accessni-check', 'right-to-work/right-to-work-documents'],
  },
  {
    id: 'welsh-volunteer',
    outcome,
    description: 'Volunteer with adults in Wales: no Social Care Wales registration',
    answers: {
      nation: 'wales',
      'who-you-support': 'adults',
      'how-you-work': 'volunteer',
      'update-service': 'no',
      'right-to-work': 'british-irish',
    },
    plan: [
      'check/dbs-check-volunteer',
      'check/dbs-update-service',
      'register/all-wales-induction',
      'right-to-work/right-to-work-documents',
    ],
  },
]

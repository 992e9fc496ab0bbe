import type { z } from 'zod'
import type { applicationSchema } from '../definition'
import { applicantIdentity, applicantPages } from './applicant-pages'

/**
 * Claim Child Benefit. The High Income Child Benefit Charge question leads to the choice
 * between payments and National Insurance credits only, which is the one decision the
 * claim form asks higher earners to make.
 */
export const childBenefit: z.input<typeof applicationSchema> = {
  id: 'child-benefit',
  referencePrefix: 'CHB',
  outcome: 'child-support',
  ...applicantIdentity,
  sections: [
    {
      id: 'aboutYou',
      pages: [
        applicantPages.name,
        applicantPages.dateOfBirth,
        applicantPages.nationalInsurance(),
        {
          id: 'nation',
          fields: [
            {
              id: 'nation',
              kind: 'radios',
              options: ['england', 'wales', 'scotland', 'northern-ireland'],
              fromTriage: { question: 'nation' },
            },
          ],
        },
        applicantPages.address,
        applicantPages.email,
        applicantPages.phone,
      ],
    },
    {
      id: 'children',
      pages: [
        {
          id: 'children',
          kind: 'addAnother',
          field: 'children',
          itemFields: [
            { id: 'firstName', kind: 'text', maxLength: 60 },
            { id: 'lastName', kind: 'text', maxLength: 60 },
            // Not `fromTriage`: the triage asks only for age bands ("5 to 11"), and a band
            // cannot become a date of birth without guessing, so this is asked here.
            { id: 'childDateOfBirth', kind: 'date', date: { past: true, maxAge: 19 } },
            { id: 'relationship', kind: 'radios', options: ['parent', 'adopted', 'step', 'other'] },
          ],
          itemName: ['firstName', 'lastName'],
          min: 1,
          max: 10,
        },
      ],
    },
    {
      id: 'payments',
      pages: [
        { id: 'income', fields: [{ id: 'highIncome', kind: 'radios', options: ['yes', 'no', 'not-sure'] }] },
        {
          id: 'payment-choice',
          askIf: { anyOf: [{ fact: 'high-income:yes' }, { fact: 'high-income:not-sure' }] },
          fields: [{ id: 'paymentChoice', kind: 'radios', options: ['payments', 'credits-only'] }],
        },
      ],
    },
  ],
}

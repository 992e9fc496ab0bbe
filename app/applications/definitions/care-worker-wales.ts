import type { z } from 'zod'
import type { applicationSchema } from '../definition'
import { applicantIdentity, applicantPages } from './applicant-pages'

/**
 * Register as a social care worker with Social Care Wales. Who you support and how you
 * work are already answered in the "work in care" triage, so they are prefilled and only
 * asked when the triage was skipped.
 */
export const careWorkerWales: z.input<typeof applicationSchema> = {
  id: 'care-worker-wales',
  referencePrefix: 'SCW',
  outcome: 'work-in-care',
  ...applicantIdentity,
  sections: [
    {
      id: 'aboutYou',
      pages: [
        applicantPages.name,
        applicantPages.dateOfBirth,
        applicantPages.nationalInsurance(),
        applicantPages.address,
        applicantPages.email,
        applicantPages.phone,
        { id: 'language', fields: [{ id: 'language', kind: 'radios', options: ['welsh', 'english'] }] },
      ],
    },
    {
      id: 'work',
      pages: [
        {
          id: 'role',
          fields: [
            {
              id: 'role',
              kind: 'radios',
              options: ['domiciliary', 'care-home-adults', 'residential-children', 'other'],
            },
          ],
        },
        {
          id: 'supports',
          fields: [
            {
              id: 'supports',
              kind: 'radios',
              options: ['adults', 'children', 'both'],
              fromTriage: { question: 'who-you-support' },
            },
          ],
        },
        {
          id: 'employment',
          fields: [
            {
              id: 'employment',
              kind: 'radios',
              options: ['employee', 'self-employed', 'volunteer'],
              fromTriage: { question: 'how-you-work' },
            },
          ],
        },
        {
          id: 'employer',
          askIf: { fact: 'employment:employee' },
          fields: [
            { id: 'employerName', kind: 'text', maxLength: 120, autocomplete: 'organization' },
            { id: 'startDate', kind: 'date' },
          ],
        },
      ],
    },
    {
      id: 'checks',
      pages: [
        {
          id: 'qualifications',
          fields: [{ id: 'qualifications', kind: 'checkboxes', options: ['awif', 'level2', 'level3', 'none'] }],
        },
        { id: 'dbs', fields: [{ id: 'hasDbs', kind: 'radios', options: ['yes', 'no'] }] },
        {
          id: 'dbs-number',
          askIf: { fact: 'has-dbs:yes' },
          fields: [{ id: 'dbsNumber', kind: 'text', maxLength: 12, width: '10' }],
        },
        { id: 'suitability', fields: [{ id: 'convictions', kind: 'radios', options: ['yes', 'no'] }] },
        {
          id: 'suitability-details',
          askIf: { fact: 'convictions:yes' },
          fields: [{ id: 'convictionDetails', kind: 'textarea', maxLength: 1200 }],
        },
      ],
    },
  ],
}

import type { z } from 'zod'
import type { applicationSchema } from '../definition'
import { applicantIdentity, applicantPages } from './applicant-pages'

/**
 * Request a basic DBS check (England and Wales, applicants 16 or over). Five years of
 * address history is what DBS asks for, hence the add-another of previous addresses
 * when the current one is newer than that.
 */
export const dbsBasic: z.input<typeof applicationSchema> = {
  id: 'dbs-basic',
  referencePrefix: 'DBS',
  outcome: 'work-in-care',
  ...applicantIdentity,
  sections: [
    {
      id: 'aboutYou',
      pages: [
        applicantPages.name,
        { id: 'other-names', fields: [{ id: 'otherNamesKnown', kind: 'radios', options: ['yes', 'no'] }] },
        {
          id: 'other-names-list',
          askIf: { fact: 'other-names-known:yes' },
          fields: [{ id: 'otherNames', kind: 'textarea', maxLength: 500 }],
        },
        applicantPages.dateOfBirth,
        { id: 'place-of-birth', fields: [{ id: 'placeOfBirth', kind: 'text', maxLength: 60, width: '20' }] },
        applicantPages.nationalInsurance(true),
      ],
    },
    {
      id: 'contact',
      pages: [applicantPages.email, applicantPages.phone],
    },
    {
      id: 'addresses',
      pages: [
        applicantPages.address,
        { id: 'five-years', fields: [{ id: 'livedFiveYears', kind: 'radios', options: ['yes', 'no'] }] },
        {
          id: 'previous-addresses',
          kind: 'addAnother',
          askIf: { fact: 'lived-five-years:no' },
          field: 'previousAddresses',
          itemFields: [
            { id: 'address', kind: 'address' },
            { id: 'movedIn', kind: 'date', date: { past: true } },
          ],
          itemName: ['address'],
          min: 1,
          max: 10,
        },
      ],
    },
    {
      id: 'purpose',
      pages: [
        {
          id: 'work-nation',
          fields: [
            { id: 'workNation', kind: 'radios', options: ['england', 'wales'], fromTriage: { question: 'nation' } },
          ],
        },
        {
          id: 'reason',
          fields: [{ id: 'reason', kind: 'radios', options: ['job', 'volunteering', 'personal', 'other'] }],
        },
      ],
    },
  ],
}

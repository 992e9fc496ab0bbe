import type { z } from 'zod'
import type { applicationSchema } from '../definition'

/**
 * Request a basic DBS check (England and Wales, applicants 16 or over). Five years of
 * address history is what DBS asks for, hence the add-another of previous addresses
 * when the current one is newer than that.
 */
export const dbsBasic: z.input<typeof applicationSchema> = {
  id: 'dbs-basic',
  referencePrefix: 'DBS',
  outcome: 'work-in-care',
  dateOfBirthField: 'dateOfBirth',
  emailField: 'email',
  nameField: 'fullName',
  sections: [
    {
      id: 'aboutYou',
      pages: [
        { id: 'name', fields: [{ id: 'fullName', kind: 'text', autocomplete: 'name', maxLength: 100 }] },
        { id: 'other-names', fields: [{ id: 'otherNamesKnown', kind: 'radios', options: ['yes', 'no'] }] },
        {
          id: 'other-names-list',
          askIf: { fact: 'other-names-known:yes' },
          fields: [{ id: 'otherNames', kind: 'textarea', maxLength: 500 }],
        },
        {
          id: 'date-of-birth',
          fields: [
            { id: 'dateOfBirth', kind: 'date', autocomplete: 'bday', date: { past: true, minAge: 16, maxAge: 120 } },
          ],
        },
        { id: 'place-of-birth', fields: [{ id: 'placeOfBirth', kind: 'text', maxLength: 60, width: '20' }] },
        { id: 'national-insurance', fields: [{ id: 'nino', kind: 'nino', optional: true, width: '10' }] },
      ],
    },
    {
      id: 'contact',
      pages: [
        { id: 'email', fields: [{ id: 'email', kind: 'email', autocomplete: 'email' }] },
        { id: 'phone', fields: [{ id: 'telephone', kind: 'telephone', autocomplete: 'tel', width: '20' }] },
      ],
    },
    {
      id: 'addresses',
      pages: [
        { id: 'address', fields: [{ id: 'homeAddress', kind: 'address', autocomplete: 'address' }] },
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

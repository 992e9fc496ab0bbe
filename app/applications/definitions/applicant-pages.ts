import type { z } from 'zod'
import type { applicationSchema } from '../definition'

type Page = z.input<typeof applicationSchema>['sections'][number]['pages'][number]

/**
 * The applicant's own details, asked the same way by every application: the same field ids
 * (so tell-us-once, save-and-return and the a11y autocomplete check work on any of them),
 * the same autocomplete tokens and the same validation. An application picks the pages it
 * needs and places them in its own sections.
 */
export const applicantPages = {
  name: { id: 'name', fields: [{ id: 'fullName', kind: 'text', autocomplete: 'name', maxLength: 100 }] },
  dateOfBirth: {
    id: 'date-of-birth',
    // DBS, Social Care Wales and HMRC all need the applicant to be 16 or over.
    fields: [{ id: 'dateOfBirth', kind: 'date', autocomplete: 'bday', date: { past: true, minAge: 16, maxAge: 120 } }],
  },
  nationalInsurance: (optional = false): Page => ({
    id: 'national-insurance',
    fields: [{ id: 'nino', kind: 'nino', width: '10', ...(optional ? { optional: true } : {}) }],
  }),
  address: { id: 'address', fields: [{ id: 'homeAddress', kind: 'address', autocomplete: 'address' }] },
  email: { id: 'email', fields: [{ id: 'email', kind: 'email', autocomplete: 'email' }] },
  phone: { id: 'phone', fields: [{ id: 'telephone', kind: 'telephone', autocomplete: 'tel', width: '20' }] },
} satisfies Record<string, Page | ((optional?: boolean) => Page)>

/** Which of those fields identify the applicant (resume by date of birth, email, name on the confirmation). */
export const applicantIdentity = {
  dateOfBirthField: 'dateOfBirth',
  emailField: 'email',
  nameField: 'fullName',
} as const

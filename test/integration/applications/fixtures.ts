/**
 * Valid answers for each application, as the forms a citizen without JavaScript posts,
 * page by page in task-list order. Shared by the integration and browser journeys.
 */
export type Form = Record<string, string | string[]>
export type Step = [path: string, form: Form]

const address = (prefix: string, line1: string, postcode: string): Form => ({
  [`${prefix}-line1`]: line1,
  [`${prefix}-town`]: 'Cardiff',
  [`${prefix}-postcode`]: postcode,
})
const date = (prefix: string, iso: string): Form => {
  const [y, m, d] = iso.split('-')
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(m)), [`${prefix}-year`]: y ?? '' }
}

export const DOB = '1990-04-12'

export const journeys: Record<string, Step[]> = {
  'dbs-basic': [
    ['name', { fullName: 'Alys Jones' }],
    ['other-names', { otherNamesKnown: 'no' }],
    ['date-of-birth', date('dateOfBirth', DOB)],
    ['place-of-birth', { placeOfBirth: 'Swansea' }],
    ['national-insurance', { nino: '' }],
    ['email', { email: 'alys@example.com' }],
    ['phone', { telephone: '07700 900 982' }],
    ['address', address('homeAddress', '1 High Street', 'CF10 1AA')],
    ['five-years', { livedFiveYears: 'no' }],
    ['previous-addresses/1', { ...address('address', '2 Low Road', 'CF11 9AB'), ...date('movedIn', '2019-06-01') }],
    ['previous-addresses', { another: 'no' }],
    ['work-nation', { workNation: 'wales' }],
    ['reason', { reason: 'job' }],
  ],
  'care-worker-wales': [
    ['name', { fullName: 'Rhys Evans' }],
    ['date-of-birth', date('dateOfBirth', DOB)],
    ['national-insurance', { nino: 'AB 12 34 56 C' }],
    ['address', address('homeAddress', '3 Castle Street', 'SA1 1AA')],
    ['email', { email: 'rhys@example.com' }],
    ['phone', { telephone: '01632 960 001' }],
    ['language', { language: 'welsh' }],
    ['role', { role: 'domiciliary' }],
    ['supports', { supports: 'adults' }],
    ['employment', { employment: 'employee' }],
    ['employer', { employerName: 'Gofal Da Ltd', ...date('startDate', '2026-09-01') }],
    ['qualifications', { qualifications: ['awif', 'level2'] }],
    ['dbs', { hasDbs: 'no' }],
    ['suitability', { convictions: 'no' }],
  ],
  'child-benefit': [
    ['name', { fullName: 'Sam Patel' }],
    ['date-of-birth', date('dateOfBirth', DOB)],
    ['national-insurance', { nino: 'CE123456D' }],
    ['nation', { nation: 'england' }],
    ['address', address('homeAddress', '9 Mill Lane', 'LS1 4AP')],
    ['email', { email: 'sam@example.com' }],
    ['phone', { telephone: '+44 808 157 0192' }],
    [
      'children/1',
      { firstName: 'Maya', lastName: 'Patel', ...date('childDateOfBirth', '2024-02-29'), relationship: 'parent' },
    ],
    ['children', { another: 'no' }],
    ['income', { highIncome: 'not-sure' }],
    ['payment-choice', { paymentChoice: 'credits-only' }],
  ],
}

/**
 * What each placeholder in the copy stands for. A value that is a word may need a mutation
 * marker in Welsh (`am {service:soft}`); one that is never a word (a number, money, a date,
 * a code, an address) cannot mutate. Read by the translators' notes and by the test that no
 * Welsh value is left unmutated; a new placeholder is added here with what it holds.
 */
/** Values that are never words. */
export const NEVER_WORDS: Record<string, string> = {
  count: 'a number',
  done: 'a number',
  total: 'a number',
  number: 'a number',
  max: 'a number',
  min: 'a number',
  minutes: 'a number',
  status: 'an HTTP status number',
  criterion: 'a WCAG success criterion number',
  pensionAge: 'a number of years',
  sessionMinutes: 'a number of minutes (retention)',
  draftDays: 'a number of days (retention)',
  keptPlanDays: 'a number of days (retention)',
  outboxDays: 'a number of days (retention)',
  submissionDays: 'a number of days (retention)',
  auditYears: 'a number of years (retention)',
  amount: 'money',
  disabled: 'money',
  earnings: 'money',
  fee: 'money',
  hicbcAll: 'money',
  hicbcStart: 'money',
  limit: 'money',
  lump: 'money',
  monthly: 'money',
  date: 'a date, which starts with its day number',
  expires: 'a date, which starts with its day number',
  prepared: 'a date, which starts with its day number',
  reviewed: 'a date, which starts with its day number',
  tested: 'a date, which starts with its day number',
  time: 'a number of minutes or seconds',
  reference: 'a reference code',
  phone: 'a phone number',
  href: 'a web address',
  feedbackUrl: 'a web address',
  path: 'a path on this site',
}

/** Values that are words: a mutating word before one of these needs a mutation marker. */
export const WORDS: Record<string, string> = {
  service: 'a service name ("Cofrestru fel gweithiwr gofal")',
  name: 'a field name ("eich enw llawn", "cod post")',
  subject: 'a field name ("y dyddiad geni")',
  organisation: 'the organisation running the service ("Porth dinasyddion")',
  outcome: 'an outcome title',
  application: 'an in-portal application’s title ("Hawlio Budd-dal Plant")',
  question: 'a question, quoted',
  answer: 'an answer, quoted',
  noun: 'an item name ("Cyfeiriad")',
  condition: 'a sentence',
  channel: 'how a citizen was helped',
  query: 'what the citizen searched for, quoted as typed',
  areas: 'area ids, shown as code',
  line: 'who a phone line is for ("Ffôn testun"), at the start of a sentence',
}

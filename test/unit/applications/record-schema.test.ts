import { draftRecordSchema, submissionRecordSchema } from '../../helpers/record-schemas/application'
import { auditEventRecordSchema } from '../../helpers/record-schemas/audit'
import { staffAccountRecordSchema } from '../../helpers/record-schemas/staff'

/**
 * The record schemas the hostile-input run reads the database back through: they accept
 * what the app stores and refuse what it must never store, or that run could not fail.
 */
const TODAY = '2026-11-25'
const at = '2026-11-25T10:00:00.000Z'
const answers = {
  fullName: 'Alys Jones',
  email: 'alys@example.com',
  dateOfBirth: '1990-04-12',
  homeAddress: { line1: '1 High Street', town: 'Cardiff', postcode: 'CF10 1AA' },
  previousAddresses: [
    { address: { line1: '2 Low Road', town: 'Cardiff', postcode: 'CF11 9AB' }, movedIn: '2019-06-01' },
  ],
}
const draft = {
  id: '5b1d7c8e-2f7a-4c1e-9a4b-0c2d3e4f5a6b',
  application: 'dbs-basic',
  reference: 'DBS-4KX7-93TQ',
  answers: JSON.stringify(answers),
  meta: JSON.stringify({ prefilled: {}, visited: ['name'] }),
  channel: 'online',
  staff_id: null,
  consent_at: null,
  locale: 'en',
  created_at: at,
  updated_at: at,
  expires_at: at,
  submitted_at: null,
}
const withAnswers = (extra: Record<string, unknown>) => ({
  ...draft,
  answers: JSON.stringify({ ...answers, ...extra }),
})

describe('draft record schema', () => {
  const schema = draftRecordSchema(TODAY)
  it('accepts a draft as the app stores it', () => {
    expect(schema.safeParse(draft).error?.issues).toBeUndefined()
  })

  it.each([
    ['an invalid email', withAnswers({ email: 'not an email' })],
    ['markup in a name over its limit', withAnswers({ fullName: `<script>${'x'.repeat(200)}` })],
    ['a date in the future', withAnswers({ dateOfBirth: '2999-01-01' })],
    ['an address without a town', withAnswers({ homeAddress: { line1: '1 High St', postcode: 'CF10 1AA' } })],
    [
      'an add-another item with a bad postcode',
      withAnswers({ previousAddresses: [{ address: { line1: 'a', town: 'b', postcode: 'nope' } }] }),
    ],
    ['a key that is no field', withAnswers({ __proto__: 'x', isAdmin: 'yes' })],
    ['a radio value that is no option', withAnswers({ otherNamesKnown: 'maybe' })],
    ['answers that are not JSON', { ...draft, answers: '{oops' }],
    ['an unknown application', { ...draft, application: 'passport' }],
    ['a malformed reference', { ...draft, reference: 'DBS-1' }],
    ['a sent draft that still holds answers', { ...draft, submitted_at: at }],
    ['an unknown channel', { ...draft, channel: 'fax' }],
  ])('refuses %s', (_name, row) => {
    expect(schema.safeParse(row).success).toBe(false)
  })
})

describe('submission record schema', () => {
  const schema = submissionRecordSchema(TODAY)
  const submission = {
    id: '6c2e8d9f-3a8b-4d2f-8b5c-1d3e4f5a6b7c',
    draft_id: draft.id,
    reference: draft.reference,
    application: 'dbs-basic',
    answers: draft.answers,
    channel: 'online',
    staff_id: null,
    consent_at: null,
    locale: 'cy',
    started_at: at,
    submitted_at: at,
  }
  it('refuses a submission whose answers are incomplete, and one with an invalid answer', () => {
    expect(schema.safeParse(submission).success).toBe(false)
    expect(schema.safeParse({ ...submission, answers: JSON.stringify({ email: 'x' }) }).success).toBe(false)
  })
})

describe('staff and audit record schemas', () => {
  const account = {
    id: '7d3f9e0a-4b9c-4e3a-9c6d-2e4f5a6b7c8d',
    email: 'adviser@staff.test',
    password_hash: 'scrypt$16384$8$1$c2FsdA$a2V5',
    role: 'adviser',
    created_at: at,
    totp_secret: null,
  }
  it('accepts an account as stored, refuses a plain password, an unknown role or an email not normalised', () => {
    expect(staffAccountRecordSchema.safeParse(account).success).toBe(true)
    expect(staffAccountRecordSchema.safeParse({ ...account, password_hash: 'hunter2' }).success).toBe(false)
    expect(staffAccountRecordSchema.safeParse({ ...account, role: 'root' }).success).toBe(false)
    expect(staffAccountRecordSchema.safeParse({ ...account, email: 'Adviser@Staff.test' }).success).toBe(false)
    // A two-factor secret is stored sealed, never as the base32 an authenticator app takes.
    expect(staffAccountRecordSchema.safeParse({ ...account, totp_secret: 'v1.aGVsbG8.d29ybGQ' }).success).toBe(true)
    expect(staffAccountRecordSchema.safeParse({ ...account, totp_secret: 'JBSWY3DPEHPK3PXP' }).success).toBe(false)
  })

  it('accepts an audit event as stored, refuses an unknown actor', () => {
    const event = {
      id: account.id,
      at,
      actor_type: 'citizen',
      actor_id: null,
      action: 'application-submitted',
      reference: draft.reference,
      channel: 'online',
    }
    expect(auditEventRecordSchema.safeParse(event).success).toBe(true)
    expect(auditEventRecordSchema.safeParse({ ...event, actor_type: 'robot' }).success).toBe(false)
  })
})

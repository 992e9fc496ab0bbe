import type { Field } from '../../../app/applications/definition'
import { parsePage } from '../../../app/applications/validate'

const today = '2026-11-25'
const dob: Field = { id: 'dateOfBirth', kind: 'date', date: { past: true, minAge: 16, maxAge: 120 } }
const codeOf = (fields: Field[], body: Record<string, unknown>) => parsePage(fields, body, today).errors[0]?.code

describe('validating answers the GOV.UK way', () => {
  it('names the missing part of a date', () => {
    expect(codeOf([dob], { 'dateOfBirth-day': '1', 'dateOfBirth-year': '1990' })).toBe('missing-month')
    expect(codeOf([dob], { 'dateOfBirth-day': '1' })).toBe('missing-month-year')
  })

  it('refuses dates that do not exist, are not past, or make the applicant under 16', () => {
    expect(codeOf([dob], { 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1990' })).toBe(
      'real',
    )
    expect(codeOf([dob], { 'dateOfBirth-day': '1', 'dateOfBirth-month': '1', 'dateOfBirth-year': '2030' })).toBe('past')
    expect(codeOf([dob], { 'dateOfBirth-day': '26', 'dateOfBirth-month': '11', 'dateOfBirth-year': '2010' })).toBe(
      'minAge',
    )
    expect(
      parsePage([dob], { 'dateOfBirth-day': '25', 'dateOfBirth-month': '11', 'dateOfBirth-year': '2010' }, today)
        .values,
    ).toEqual({
      dateOfBirth: '2010-11-25',
    })
  })

  it('accepts National Insurance numbers with spaces and lower case, and refuses impossible ones', () => {
    const nino: Field = { id: 'nino', kind: 'nino' }
    expect(parsePage([nino], { nino: 'ab 12 34 56 c' }, today).values.nino).toBe('AB123456C')
    expect(codeOf([nino], { nino: 'AB123456E' })).toBe('format')
    expect(codeOf([nino], { nino: 'GB123456A' })).toBe('format')
  })

  it('formats postcodes inside an address and names each missing line', () => {
    const address: Field = { id: 'homeAddress', kind: 'address' }
    const ok = parsePage(
      [address],
      { 'homeAddress-line1': '1 High St', 'homeAddress-town': 'Cardiff', 'homeAddress-postcode': 'cf101aa' },
      today,
    )
    expect(ok.values.homeAddress).toEqual({ line1: '1 High St', town: 'Cardiff', postcode: 'CF10 1AA' })
    const bad = parsePage([address], { 'homeAddress-postcode': 'nowhere' }, today)
    expect(bad.errors.map((e) => e.code)).toEqual(['line1Required', 'townRequired', 'postcodeFormat'])
    expect(bad.errors[0]?.href).toBe('homeAddress-line1')
  })

  it('checks email and telephone formats', () => {
    expect(codeOf([{ id: 'email', kind: 'email' }], { email: 'not-an-email' })).toBe('format')
    expect(codeOf([{ id: 'telephone', kind: 'telephone' }], { telephone: '123' })).toBe('format')
    expect(
      parsePage([{ id: 'telephone', kind: 'telephone' }], { telephone: '+44 808 157 0192' }, today).errors,
    ).toEqual([])
  })

  it('only accepts offered options for radios and checkboxes', () => {
    const radios: Field = { id: 'reason', kind: 'radios', options: ['job', 'other'] }
    expect(codeOf([radios], { reason: 'hack' })).toBe('required')
    const boxes: Field = { id: 'q', kind: 'checkboxes', options: ['a', 'b'] }
    expect(parsePage([boxes], { q: ['a', 'evil', 'a'] }, today).values.q).toEqual(['a'])
  })

  it('echoes back what was typed, without control characters, and states the limit when too long', () => {
    const name: Field = { id: 'fullName', kind: 'text', maxLength: 10 }
    const result = parsePage([name], { fullName: ' Ann\u0000 Smith-Jones ' }, today)
    expect(result.echo.fullName).toBe('Ann Smith-Jones')
    expect(result.errors[0]).toMatchObject({ code: 'tooLong', vars: { max: 10 } })
  })

  it('treats an array sent for a single answer as no answer', () => {
    expect(codeOf([{ id: 'fullName', kind: 'text' }], { fullName: ['a', 'b'] })).toBe('required')
  })
})

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

  it('names every line of an address that is too long, with the limit, and keeps an empty second line out', () => {
    const address: Field = { id: 'home', kind: 'address' }
    const long = 'x'.repeat(101)
    const bad = parsePage(
      [address],
      { 'home-line1': long, 'home-line2': long, 'home-town': 'Cardiff', 'home-postcode': 'CF10 1AA' },
      today,
    )
    expect(bad.errors.map((e) => [e.href, e.code, e.vars])).toEqual([
      ['home-line1', 'tooLong', { max: 100 }],
      ['home-line2', 'tooLong', { max: 100 }],
    ])
    expect(bad.values.home).toBeUndefined()
    expect(bad.echo['home-line1']).toBe(long)
    const ok = parsePage(
      [address],
      { 'home-line1': '1 High St', 'home-line2': '  ', 'home-town': 'Cardiff', 'home-postcode': 'cf10 1aa' },
      today,
    )
    expect(ok.values.home).toEqual({ line1: '1 High St', town: 'Cardiff', postcode: 'CF10 1AA' })
  })

  it('asks for at least one checkbox unless the question is optional, and echoes only offered options', () => {
    const boxes: Field = { id: 'q', kind: 'checkboxes', options: ['a', 'b'] }
    const none = parsePage([boxes], { q: ['evil', ''] }, today)
    expect(none.errors.map((e) => [e.href, e.code])).toEqual([['q', 'required']])
    expect(none.echo.q).toEqual([])
    const optional = parsePage([{ ...boxes, optional: true }], {}, today)
    expect(optional).toEqual({ values: {}, errors: [], echo: { q: [] } })
    expect(parsePage([boxes], { q: 'b' }, today).values.q).toEqual(['b'])
  })

  it('leaves an optional field left empty without an answer or an error', () => {
    const fields: Field[] = [
      { id: 'middle', kind: 'text', optional: true },
      { id: 'moved', kind: 'date', optional: true },
      { id: 'nino', kind: 'nino', optional: true },
    ]
    expect(parsePage(fields, { middle: ' ', nino: '\u0000' }, today)).toMatchObject({ values: {}, errors: [] })
  })

  it('reads only the inputs the page renders: other keys never reach its values or echo', () => {
    const name: Field = { id: 'fullName', kind: 'text' }
    const result = parsePage([name], JSON.parse('{"fullName":"Ann","__proto__":{"admin":true},"extra":"x"}'), today)
    expect(result.values).toEqual({ fullName: 'Ann' })
    expect(Object.keys(result.echo)).toEqual(['fullName'])
    expect(parsePage([name], 'fullName=Ann', today).errors.map((e) => e.code)).toEqual(['required'])
  })
})

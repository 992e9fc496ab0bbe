import { hashRecoveryCode, newRecoveryCodes, recoveryCodeFromInput } from '../../../app/staff/recovery-codes'
import { openSecret, sealSecret, secretBoxKey } from '../../../app/staff/secret-box'
import { acceptedStep, codeFromInput, groupedSecret, newTotpSecret } from '../../../app/staff/two-factor'
import { totpCode } from '../../helpers/staff'

const NOW = new Date('2026-12-01T10:00:10Z')
const STEP = Math.floor(NOW.getTime() / 30_000)

describe('time-based codes', () => {
  const secret = newTotpSecret()

  it('makes 160-bit base32 secrets, shown in groups of four', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(groupedSecret(secret)).toHaveLength(8)
    expect(groupedSecret(secret).join('')).toBe(secret)
  })

  it('accepts the code of now and one step either side, newer than the last step used, and nothing else', () => {
    const at = (steps: number) => totpCode(secret, new Date(NOW.getTime() + steps * 30_000))
    expect(acceptedStep(secret, at(0), NOW, null)).toBe(STEP)
    expect(acceptedStep(secret, at(-1), NOW, null)).toBe(STEP - 1)
    expect(acceptedStep(secret, at(1), NOW, null)).toBe(STEP + 1)
    expect(acceptedStep(secret, at(2), NOW, null)).toBeUndefined()
    expect(acceptedStep(secret, at(-2), NOW, null)).toBeUndefined()
    expect(acceptedStep(secret, at(0), NOW, STEP)).toBeUndefined()
    expect(acceptedStep(secret, at(0), NOW, STEP - 1)).toBe(STEP)
    expect(acceptedStep(newTotpSecret(), at(0), NOW, null)).toBeUndefined()
  })

  it('reads a typed code with spaces or a hyphen, and nothing that is not six digits', () => {
    expect(codeFromInput(' 123 456 ')).toBe('123456')
    expect(codeFromInput('123-456')).toBe('123456')
    expect(codeFromInput('12345')).toBeUndefined()
    expect(codeFromInput('12345a')).toBeUndefined()
  })
})

describe('sealed secrets', () => {
  const key = secretBoxKey('a-secret-of-at-least-thirty-two-characters')

  it('open with the same key and account, and not with another key, another account or a changed byte', () => {
    const sealed = sealSecret(key, 'account-1', 'JBSWY3DPEHPK3PXP')
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
    expect(openSecret(key, 'account-1', sealed)).toBe('JBSWY3DPEHPK3PXP')
    expect(openSecret(secretBoxKey('another-secret-of-at-least-32-characters'), 'account-1', sealed)).toBeUndefined()
    expect(openSecret(key, 'account-2', sealed)).toBeUndefined()
    const [v, iv, body = ''] = sealed.split('.')
    const flipped = `${body.slice(0, 5)}${body[5] === 'A' ? 'B' : 'A'}${body.slice(6)}`
    expect(openSecret(key, 'account-1', [v, iv, flipped].join('.'))).toBeUndefined()
    expect(openSecret(key, 'account-1', 'not sealed')).toBeUndefined()
  })

  it('seal the same secret differently each time (a fresh IV)', () => {
    expect(sealSecret(key, 'a', 'S')).not.toBe(sealSecret(key, 'a', 'S'))
  })
})

describe('recovery codes', () => {
  it('are ten distinct 16-character codes, read back in any case with or without hyphens', () => {
    const codes = newRecoveryCodes()
    expect(new Set(codes).size).toBe(10)
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/)
      expect(recoveryCodeFromInput(code.replace(/-/g, ' ').toUpperCase())).toBe(code.replace(/-/g, ''))
      expect(hashRecoveryCode(code.toUpperCase())).toBe(hashRecoveryCode(code))
    }
    expect(recoveryCodeFromInput('abcd-efgh-jkmn-pqr0')).toBeUndefined()
    expect(recoveryCodeFromInput('123456')).toBeUndefined()
  })
})

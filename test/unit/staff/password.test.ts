import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../../app/staff/password'

describe('staff passwords', () => {
  it('verify against their own hash and not against a wrong password', async () => {
    const hash = await hashPassword('correct-horse-battery-42')
    expect(await verifyPassword('correct-horse-battery-42', hash)).toBe(true)
    expect(await verifyPassword('correct-horse-battery-43', hash)).toBe(false)
  })

  it('are hashed with scrypt and a fresh salt each time, so equal passwords look different', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password-twice'), hashPassword('same-password-twice')])
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/)
    expect(a).not.toBe(b)
    expect(a).not.toContain('same-password-twice')
  })

  it('never match a malformed stored hash', async () => {
    expect(await verifyPassword('anything-at-all', 'plain-text')).toBe(false)
    expect(await verifyPassword('anything-at-all', 'scrypt$16384$8$1$$')).toBe(false)
  })

  it.each([
    ['short1', 'too-short'],
    ['password1234', 'common'],
    ['Password2024!', 'common'],
    ['!!letmein123456', 'common'],
    ['qwertyuiop123', 'common'],
    ['londonlondonlondon', 'common'],
    ['liverpool1234', 'common'],
    ['iloveyou12345', 'common'],
    ['qazwsxedcrfv', 'common'],
    ['x'.repeat(257), 'too-long'],
  ])('refuses %s as %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem)
  })

  it('refuses a password made of the person’s own email address and the service’s name', () => {
    expect(passwordProblem('janet.hughes2026', ['janet.hughes@library.test'])).toBe('common')
    expect(passwordProblem('janet.hughes2026', ['someone.else@library.test'])).toBeUndefined()
    expect(passwordProblem('staffportal2026')).toBe('common')
  })

  it('accept a long passphrase', () => {
    expect(passwordProblem('kettle orbit velvet tram')).toBeUndefined()
  })

  it('generate passwords that pass the policy and differ every time', () => {
    const generated = Array.from({ length: 20 }, generatePassword)
    expect(new Set(generated).size).toBe(20)
    for (const p of generated) {
      expect(p).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){4}$/)
      expect(passwordProblem(p)).toBeUndefined()
    }
  })
})

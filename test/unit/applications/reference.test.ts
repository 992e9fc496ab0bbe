import { ALPHABET, checkCharacter, newReference, parseReference } from '../../../app/applications/reference'

describe('application references', () => {
  it('look like DBS-4KX7-93TQ and carry no ambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const ref = newReference('DBS')
      expect(ref).toMatch(/^DBS-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
      expect(ref.slice(4)).not.toMatch(/[01OILU]/)
    }
  })

  it('are read back whatever the case and spacing a person types', () => {
    const ref = newReference('SCW')
    expect(parseReference(ref.toLowerCase().replace(/-/g, ' '))).toBe(ref)
  })

  it('refuse any single mistyped character thanks to the check character', () => {
    const ref = newReference('CHB')
    const body = ref.replace(/-/g, '').slice(3)
    for (let i = 0; i < body.length; i++)
      for (const c of ALPHABET) {
        if (c === body[i]) continue
        const typo = body.slice(0, i) + c + body.slice(i + 1)
        expect(parseReference(`CHB${typo}`)).toBeUndefined()
      }
  })

  it('uses a check character from the alphabet', () => {
    expect(ALPHABET).toContain(checkCharacter('4KX793T'))
  })

  it('are rarely repeated', () => {
    const seen = new Set(Array.from({ length: 5000 }, () => newReference('DBS')))
    expect(seen.size).toBe(5000)
  })
})

import { evaluate, support } from '../../../app/rules/evaluate'
import { allOf, always, anyOf, fact, not } from '../../helpers/rules'

const k = (facts: string[], unknown: string[] = []) => ({ facts: new Set(facts), unknown: new Set(unknown) })

describe('rules in three-valued logic', () => {
  it('a fact holds, fails, or is unknown when the citizen was not sure', () => {
    expect(evaluate(fact('a'), k(['a']))).toBe('yes')
    expect(evaluate(fact('a'), k([]))).toBe('no')
    expect(evaluate(fact('a'), k([], ['a']))).toBe('unknown')
  })

  it('"not" of an unknown fact stays unknown, so "not sure" never rules a service out', () => {
    expect(evaluate(not(fact('a')), k([], ['a']))).toBe('unknown')
    expect(evaluate(not(fact('a')), k([]))).toBe('yes')
  })

  it('allOf fails as soon as one part fails, even if another is unknown', () => {
    expect(evaluate(allOf(fact('a'), fact('b')), k([], ['a']))).toBe('no')
    expect(evaluate(allOf(fact('a'), fact('b')), k(['b'], ['a']))).toBe('unknown')
    expect(evaluate(always, k([]))).toBe('yes')
  })

  it('anyOf holds as soon as one part holds, even if another is unknown', () => {
    expect(evaluate(anyOf(fact('a'), fact('b')), k(['b'], ['a']))).toBe('yes')
    expect(evaluate(anyOf(fact('a'), fact('b')), k([], ['a']))).toBe('unknown')
    expect(evaluate(anyOf(fact('a'), fact('b')), k([]))).toBe('no')
  })

  it('explains a rule with the positive facts that make it hold', () => {
    const rule = allOf(fact('a'), anyOf(fact('b'), fact('c')), not(fact('d')))
    expect([...support(rule, k(['a', 'c']))]).toEqual(['a', 'c'])
  })
})

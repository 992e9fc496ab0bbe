import type { Rule } from '../../../app/catalogue/types'
import { evaluate, type Knowledge, type Truth } from '../../../app/rules/evaluate'
import { deciders, reportableTruths } from '../../../app/rules/explain'
import { allOf, anyOf, fact, not } from '../../helpers/rules'

const OPEN = new Set(['b', 'c'])
const truthsOf = (rule: Rule, values: Truth[]) =>
  Object.fromEntries([...reportableTruths(rule, values, OPEN)].map(([f, t]) => [f, [...t].sort()]))

/** Every rule of three facts up to the given depth, two parts per allOf or anyOf. */
function rules(depth: number): Rule[] {
  const leaves = ['a', 'b', 'c'].map(fact)
  if (depth === 0) return leaves
  const smaller = rules(depth - 1)
  const out: Rule[] = [...smaller, ...smaller.map(not)]
  for (const x of smaller) for (const y of smaller) out.push(allOf(x, y), anyOf(x, y))
  return out
}

/** Every state of the three facts: `a` is known; `b` and `c` may be left open by "not sure". */
function knowledges(): Knowledge[] {
  const out: Knowledge[] = []
  for (const a of ['yes', 'no'])
    for (const b of ['yes', 'no', 'unknown'])
      for (const c of ['yes', 'no', 'unknown']) {
        const state = { a, b, c }
        out.push({
          facts: new Set(Object.keys(state).filter((f) => state[f as 'a'] === 'yes')),
          unknown: new Set(Object.keys(state).filter((f) => state[f as 'a'] === 'unknown')),
        })
      }
  return out
}

describe('the sentences a rule can need', () => {
  it('asks only that a fact a "may" rule needs holds, or that a negated one does not', () => {
    expect(truthsOf(allOf(fact('a'), not(fact('x'))), ['yes', 'unknown'])).toEqual({ a: ['yes'], x: ['no'] })
    // An open fact may also be unknown.
    expect(truthsOf(allOf(fact('a'), fact('b')), ['yes', 'unknown'])).toEqual({ a: ['yes'], b: ['unknown', 'yes'] })
    // A rule left out only when it holds never says its facts are unknown.
    expect(truthsOf(anyOf(fact('b'), not(fact('c'))), ['yes'])).toEqual({ b: ['yes'], c: ['no'] })
  })

  it('asks for both sentences of a rule explained whether it holds or not', () => {
    expect(truthsOf(allOf(fact('a'), not(fact('b'))), ['yes', 'no', 'unknown'])).toEqual({
      a: ['no', 'yes'],
      b: ['no', 'unknown', 'yes'],
    })
  })

  it('follows an unknown through "not": a part that holds explains it too', () => {
    // not(a and b) is unknown when a holds and b is open, and is explained by both.
    expect(truthsOf(not(allOf(fact('a'), fact('b'))), ['yes', 'unknown'])).toEqual({
      a: ['no', 'yes'],
      b: ['no', 'unknown', 'yes'],
    })
  })

  it('covers every sentence the plan gives, for every rule of three facts and every answer', () => {
    const all = rules(2)
    expect(all.length).toBeGreaterThan(1000)
    const states = knowledges()
    for (const values of [['yes'], ['yes', 'unknown'], ['yes', 'no', 'unknown']] as Truth[][])
      for (const rule of all) {
        const allowed = reportableTruths(rule, values, OPEN)
        for (const k of states) {
          if (!values.includes(evaluate(rule, k))) continue
          // Both ways a plan explains a rule: the first holding branch of an anyOf, or every one.
          for (const every of [false, true])
            for (const d of deciders(rule, k, [], every))
              if (!allowed.get(d.fact)?.has(d.truth))
                throw new Error(`${JSON.stringify(rule)} at ${values.join('/')} explains ${d.fact} as ${d.truth}`)
        }
      }
  })
})

describe('the facts that explain a rule', () => {
  const both: Knowledge = { facts: new Set(['a', 'b']), unknown: new Set() }
  const reasons = (rule: Rule, k: Knowledge, every: boolean) => deciders(rule, k, [], every).map((d) => d.fact)

  it('explains a holding anyOf by its first holding branch, or by every holding branch when asked', () => {
    const rule = anyOf(fact('c'), fact('a'), fact('b'))
    expect(reasons(rule, both, false)).toEqual(['a'])
    expect(reasons(rule, both, true)).toEqual(['a', 'b'])
  })

  it('asks every branch inside the parts of a rule too, and names a fact once', () => {
    const rule = allOf(fact('b'), anyOf(fact('a'), not(fact('c')), fact('b')))
    expect(reasons(rule, both, true)).toEqual(['b', 'a', 'c'])
    // A holding allOf is explained by all its parts either way.
    expect(reasons(rule, both, false)).toEqual(['b', 'a'])
  })
})

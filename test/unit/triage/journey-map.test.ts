import { CATALOGUE, OUTCOME_IDS, outcomeById } from '../../helpers/triage'
import { translator } from '../../../app/i18n/translate'
import { journeyMap, ruleText } from '../../../app/triage/journey-map'

describe('the journey map', () => {
  it.each(OUTCOME_IDS)('draws every question and service of %s', (id) => {
    const outcome = outcomeById(id)
    const map = journeyMap(outcome, translator('en'))
    expect(map.startsWith('flowchart TD\n')).toBe(true)
    for (const q of outcome.questions) expect(map).toContain(`q_${q.id.replace(/-/g, '_')}["${q.id}: `)
    for (const p of outcome.services) expect(map).toContain(`| s_${p.service.replace(/-/g, '_')}`)
  })

  it('writes rules as a reader says them', () => {
    expect(
      ruleText({ allOf: [{ fact: 'a' }, { not: { fact: 'b' } }, { anyOf: [{ fact: 'c' }, { fact: 'd' }] }] }),
    ).toBe('a and not b and (c or d)')
    expect(ruleText({ allOf: [] })).toBe('always')
  })

  it('quotes figures in question titles rather than leaving placeholders', () => {
    const map = journeyMap(outcomeById('child-support'), translator('en'))
    expect(map).toContain('£100,000')
    expect(map).not.toContain('{limit}')
    expect(CATALOGUE.outcomes).toHaveLength(4)
  })
})

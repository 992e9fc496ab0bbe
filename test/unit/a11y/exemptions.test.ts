import { exemptions, type Exemption } from '../../../app/a11y/exemptions'
import { isExempt } from '../../helpers/a11y/exemptions'
import { journeyMaps } from '../../../app/a11y/journey-map'
import { registry } from '../../../app/a11y/registry'
import { knownIssues } from '../../../app/a11y/statement'

const sample: Exemption = {
  ruleId: 'aria-allowed-attr',
  states: ['triage/*'],
  reason: {
    en: 'Conditional questions announce their state twice.',
    cy: 'Mae cwestiynau amodol yn cyhoeddi eu cyflwr ddwywaith.',
  },
  wcag: '4.1.2 Name, Role, Value',
  fixBy: '2027-03-31',
}

describe('exemptions', () => {
  it('apply only to the rule and states they name', () => {
    expect(isExempt('aria-allowed-attr', 'triage/work-in-care/nation', [sample])).toBe(true)
    expect(isExempt('aria-allowed-attr', 'staff/home', [sample])).toBe(false)
    expect(isExempt('label', 'triage/work-in-care/nation', [sample])).toBe(false)
  })

  it('are exactly the statement’s known issues, in each language', () => {
    expect(knownIssues('cy', [sample])).toEqual([
      { reason: sample.reason.cy, criterion: '4.1.2 Name, Role, Value', fixBy: '2027-03-31' },
    ])
    expect(knownIssues('en').length).toBe(exemptions.length)
  })
})

describe('the page-state registry', () => {
  it('gives every state a unique id and draws every journey', () => {
    const { states } = registry()
    expect(new Set(states.map((s) => s.id)).size).toBe(states.length)
    const maps = journeyMaps(states)
    expect(maps.flatMap((m) => m.pages.flatMap((p) => p.states)).length).toBe(states.length)
    for (const map of maps) expect(map.mermaid.startsWith('flowchart TD')).toBe(true)
  })
})

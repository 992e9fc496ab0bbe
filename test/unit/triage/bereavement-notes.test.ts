import { plan, shownService } from '../../helpers/triage'
import { PERSONA_DAY } from '../../../app/triage/personas'

/**
 * nidirect has two pages on inheriting State Pension, split by date of birth and sex
 * ("Inheriting basic State Pension": a man born before 6 April 1951 or a woman born before
 * 6 April 1953; "Inheriting new State Pension": anyone born later; both read 2026-12-05). The
 * portal links the first and, not asking sex, names the second to every widow or widower in
 * Northern Ireland. gov.uk's page covers both, so Great Britain has no such note.
 */
const widowed = (live: string) => ({
  died: live,
  'date-of-death': '2026-11-27',
  live,
  relationship: 'spouse-or-civil-partner',
  'date-of-birth': '1950-03-01',
  'their-children': 'no',
  already: ['none'],
  'paying-for-funeral': 'no',
})

describe('State Pension inheritance after a husband, wife or civil partner dies', () => {
  it('names nidirect’s page for the new State Pension in Northern Ireland, and nowhere else', () => {
    const notes = (live: string) => {
      const result = plan('bereavement', widowed(live), PERSONA_DAY)
      expect(result.complete).toBe(true)
      return shownService(result, 'state-pension-inheritance')?.notes
    }
    expect(notes('northern-ireland')).toEqual(['ni-new-state-pension'])
    expect(notes('england')).toEqual([])
    expect(notes('scotland')).toEqual([])
  })
})

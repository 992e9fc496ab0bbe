import { plan, shownService } from '../../helpers/triage'
import { completePlan } from '../../helpers/triage/shown'
import type { Answer } from '../../../app/catalogue/types'
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
      return shownService(completePlan('bereavement', widowed(live), PERSONA_DAY), 'state-pension-inheritance')?.notes
    }
    expect(notes('northern-ireland')).toEqual(['ni-new-state-pension'])
    expect(notes('england')).toEqual([])
    expect(notes('scotland')).toEqual([])
  })
})

/**
 * nidirect's Child Funeral Fund page: "There is no entitlement to the Child Funeral Fund if you have
 * already received a payment from any other Government funeral expenses or bereavement schemes"
 * (read 2026-12-06). A parent on a low-income benefit is shown both, the Fund first.
 */
const parentPaying = (live: string) => ({
  died: live,
  'date-of-death': '2026-11-27',
  live,
  relationship: 'parent',
  'child-age': 'under-18',
  'their-children': 'no',
  'paying-for-funeral': 'yes',
  'funeral-benefits': 'yes',
})

describe('the Funeral Expenses Payment for a parent in Northern Ireland', () => {
  /** The payment as shown: a plan without it fails here, so a note cannot be missing for that reason. */
  const funeralPayment = (answers: Readonly<Record<string, Answer>>) => {
    const shown = shownService(completePlan('bereavement', answers, PERSONA_DAY), 'funeral-expenses-payment')
    expect(shown).toBeDefined()
    return shown
  }

  it('says to claim from the Child Funeral Fund first, which another payment would rule out', () => {
    const result = plan('bereavement', parentPaying('northern-ireland'), PERSONA_DAY)
    expect(shownService(result, 'child-funeral-costs')?.variantId).toBe('ni')
    expect(funeralPayment(parentPaying('northern-ireland'))?.notes).toContain('child-funeral-fund-first')
  })

  it('says nothing of the Fund to a parent in England, or in Northern Ireland after a child of 18 or 19 died', () => {
    expect(funeralPayment(parentPaying('england'))?.notes).toEqual([])
    const olderChild = { ...parentPaying('northern-ireland'), 'child-age': '18-or-19' }
    const result = plan('bereavement', olderChild, PERSONA_DAY)
    expect(shownService(result, 'child-funeral-costs')).toBeUndefined()
    expect(funeralPayment(olderChild)?.notes).toEqual([])
  })
})

/**
 * After a death abroad the funeral may be abroad too. Great Britain's funeral payments need the
 * person who died to have lived in the UK (uksi/2005/3061 reg 7 for England and Wales;
 * mygov.scot/funeral-support-payment/who-can-apply-and-when for Scotland; both read 2026-12-05);
 * no Northern Ireland page read says so, so there only the funeral's place is named. The
 * children's funeral funds of England and Northern Ireland pay for a funeral held there
 * (gov.uk's and communities-ni.gov.uk's pages, read 2026-12-05); Scotland's and Wales's words
 * already say where.
 */
describe('the funeral payments after a death abroad', () => {
  const abroad = (answers: Record<string, string>) => ({ ...answers, died: 'outside-uk' })
  const notesOn = (answers: Readonly<Record<string, Answer>>, service: string) =>
    shownService(completePlan('bereavement', answers, PERSONA_DAY), service)?.notes
  const adultChild = (live: string) => ({ ...parentPaying(live), relationship: 'child' })

  it('says the person who died must have lived in the UK in Great Britain, and where the funeral must be everywhere', () => {
    expect(notesOn(abroad(adultChild('england')), 'funeral-expenses-payment')).toEqual(['lived-in-uk', 'funeral-in-uk'])
    expect(notesOn(abroad(adultChild('wales')), 'funeral-expenses-payment')).toEqual(['lived-in-uk', 'funeral-in-uk'])
    expect(notesOn(abroad(adultChild('scotland')), 'funeral-support-payment')).toEqual(['lived-in-uk', 'funeral-in-uk'])
    expect(notesOn(abroad(adultChild('northern-ireland')), 'funeral-expenses-payment')).toEqual(['funeral-in-uk'])
  })

  it('says nothing of either after a death in the UK', () => {
    expect(notesOn(adultChild('england'), 'funeral-expenses-payment')).toEqual([])
    expect(notesOn(adultChild('scotland'), 'funeral-support-payment')).toEqual([])
  })

  it('names where a child’s funeral must be held for England’s and Northern Ireland’s funds only', () => {
    expect(notesOn(abroad(parentPaying('england')), 'child-funeral-costs')).toEqual(['child-funeral-in-england'])
    expect(notesOn(abroad(parentPaying('northern-ireland')), 'child-funeral-costs')).toEqual([
      'child-funeral-service-in-ni',
    ])
    expect(notesOn(abroad(parentPaying('wales')), 'child-funeral-costs')).toEqual([])
    expect(notesOn(abroad(parentPaying('scotland')), 'child-funeral-costs')).toEqual([])
    expect(notesOn(parentPaying('england'), 'child-funeral-costs')).toEqual([])
  })
})

/**
 * After a stillbirth, maternity pay or Maternity Allowance carries on (the service file's sources).
 * Great Britain's step names GOV.UK's MA1 form; nidirect's Maternity Allowance page, which Northern
 * Ireland's step links to, says how to claim there, so the form is not named there.
 */
describe('maternity pay after a stillbirth', () => {
  const stillborn = (live: string) => ({
    died: live,
    'date-of-death': '2026-11-27',
    live,
    relationship: 'parent',
    'child-age': 'stillborn',
    'paying-for-funeral': 'no',
    'funeral-benefits': 'no',
  })
  const shown = (live: string) =>
    shownService(completePlan('bereavement', stillborn(live), PERSONA_DAY), 'maternity-paternity-leave-pay')

  it('names the Maternity Allowance form in Great Britain, and not in Northern Ireland', () => {
    expect(shown('england')?.notes).toEqual(['maternity-allowance-form'])
    expect(shown('scotland')?.notes).toEqual(['maternity-allowance-form'])
    expect(shown('northern-ireland')?.variantId).toBe('ni')
    expect(shown('northern-ireland')?.notes).toEqual([])
  })
})

import { outcomeById } from '../../helpers/triage'
import { parseAnswer } from '../../../app/triage/answer-schema'
import { searchOutcomes } from '../../../app/triage/search'
import { CATALOGUE } from '../../../app/catalogue'
import { translator } from '../../../app/i18n/translate'

const question = (outcome: 'child-support' | 'bereavement', id: string) => {
  const found = outcomeById(outcome).questions.find((q) => q.id === id)
  if (!found) throw new Error(id)
  return found
}
const today = new Date(Date.UTC(2026, 0, 15))

describe('answers parsed with a schema derived from the question', () => {
  it('keeps checkbox answers in catalogue order, without repeats, and drops other fields', () => {
    const body = { answer: ['5-to-11', 'under-1', '5-to-11'], nation: 'scotland', __proto__: 'x' }
    expect(parseAnswer('child-support', question('child-support', 'children'), body, today)).toEqual({
      ok: true,
      answer: ['under-1', '5-to-11'],
    })
    expect(parseAnswer('child-support', question('child-support', 'children'), { answer: 'expecting' }, today)).toEqual(
      {
        ok: true,
        answer: ['expecting'],
      },
    )
  })

  it('refuses an option the question does not have', () => {
    expect(parseAnswer('child-support', question('child-support', 'nation'), { answer: 'atlantis' }, today)).toEqual({
      ok: false,
      errorKey: 'catalogue.outcomes.child-support.questions.nation.error',
      field: 'answer',
    })
  })

  it.each([
    [{}, 'error'],
    [{ 'answer-day': '30', 'answer-month': '2', 'answer-year': '1980' }, 'errorInvalid'],
    [{ 'answer-day': '1', 'answer-month': '1', 'answer-year': '80' }, 'errorInvalid'],
    [{ 'answer-day': 'x', 'answer-month': '1', 'answer-year': '1980' }, 'errorInvalid'],
    [{ 'answer-day': '1', 'answer-month': '1', 'answer-year': '2030' }, 'errorFuture'],
  ])('explains what is wrong with the date %j', (body, error) => {
    const parsed = parseAnswer('bereavement', question('bereavement', 'date-of-birth'), body, today)
    expect(parsed).toEqual({
      ok: false,
      errorKey: `catalogue.outcomes.bereavement.questions.date-of-birth.${error}`,
      field: 'answer-day',
    })
  })

  it('accepts a real date in the past, with spaces and leading zeros', () => {
    const body = { 'answer-day': ' 07 ', 'answer-month': '3', 'answer-year': '1980' }
    expect(parseAnswer('bereavement', question('bereavement', 'date-of-birth'), body, today)).toEqual({
      ok: true,
      answer: '1980-03-07',
    })
  })

  it('refuses a date of birth on or after the day they died, and only where the answers date the death', () => {
    const dob = question('bereavement', 'date-of-birth')
    const died = new Map([['death', '2025-06-10']])
    const on = (day: string) => ({ 'answer-day': day, 'answer-month': '6', 'answer-year': '2025' })
    const refused = {
      ok: false,
      errorKey: 'catalogue.outcomes.bereavement.questions.date-of-birth.errorAfterEvent',
      field: 'answer-day',
    }
    expect(parseAnswer('bereavement', dob, on('10'), today, died)).toEqual(refused)
    expect(parseAnswer('bereavement', dob, on('11'), today, died)).toEqual(refused)
    expect(parseAnswer('bereavement', dob, on('9'), today, died)).toEqual({ ok: true, answer: '2025-06-09' })
    expect(parseAnswer('bereavement', dob, on('11'), today)).toEqual({ ok: true, answer: '2025-06-11' })
    // The date of death itself is not banded at an event: nothing to compare it with.
    const death = question('bereavement', 'date-of-death')
    expect(parseAnswer('bereavement', death, on('11'), today, died)).toEqual({ ok: true, answer: '2025-06-11' })
  })
})

describe('searching the outcomes', () => {
  const en = translator('en')
  const cy = translator('cy')
  it.each([
    ['DBS', ['work-in-care']],
    ['nursery', ['child-support']],
    ['funeral', ['bereavement']],
    ['bereavement', ['bereavement']],
    ['PIP', ['caring']],
    ['pension', ['bereavement', 'caring']],
    ['universal credit', ['child-support', 'bereavement', 'caring']],
    // Only the outcomes matching the most words: childcare is child support's.
    ['Universal Credit childcare', ['child-support']],
    // An unpaid carer first: "carer" is caring's own word, only part of "paid carer".
    ['carer', ['caring', 'work-in-care']],
    ['Carer’s', ['caring']],
    ['I want to', []],
    ['zzzz', []],
  ])('"%s" finds %j', (query, ids) => {
    expect(searchOutcomes(CATALOGUE, query, en)).toEqual(ids)
  })

  it.each([
    ['angladd', ['bereavement']],
    ['meithrinfa', ['child-support']],
    ['pensiwn', ['bereavement', 'caring']],
    ['Credyd Cynhwysol', ['child-support', 'bereavement', 'caring']],
    ['Taliad Annibyniaeth Personol', ['caring']],
    ['gofalwr', ['caring', 'work-in-care']],
    ['gwiriad DBS', ['work-in-care']],
    // Mutated forms: "fy mhlentyn" (nasal), "ei phensiwn" (aspirate), "i ofalwr" (soft).
    ['fy mhlentyn', ['child-support']],
    ['ei phensiwn', ['bereavement', 'caring']],
    ['ofalwr', ['caring', 'work-in-care']],
  ])('in Welsh, "%s" finds %j', (query, ids) => {
    expect(searchOutcomes(CATALOGUE, query, cy)).toEqual(ids)
  })

  it('finds English names of benefits from a Welsh page, and Welsh words from an English one', () => {
    expect(searchOutcomes(CATALOGUE, 'PIP', cy)).toEqual(['caring'])
    expect(searchOutcomes(CATALOGUE, 'angladd', en)).toEqual(['bereavement'])
  })
})

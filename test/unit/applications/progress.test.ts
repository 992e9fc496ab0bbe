import { must } from './must'
import { applicationById } from '../../../app/applications/registry'
import {
  applicableAnswers,
  firstIncomplete,
  isReadyToSubmit,
  nextInSection,
  previousInSection,
  sectionStatus,
} from '../../../app/applications/progress'

const dbs = must(applicationById('dbs-basic'))
const none = new Set<string>()

describe('the task list state machine', () => {
  it('asks for previous addresses only when the applicant has moved in the last 5 years', () => {
    expect(nextInSection(dbs, 'five-years', { livedFiveYears: 'yes' }, none)).toBeUndefined()
    expect(nextInSection(dbs, 'five-years', { livedFiveYears: 'no' }, none)?.id).toBe('previous-addresses')
  })

  it('moves sections from not started to in progress to completed', () => {
    const section = must(dbs.sections.find((s) => s.id === 'contact'))
    expect(sectionStatus(section, {}, none)).toBe('not-started')
    expect(sectionStatus(section, { email: 'a@b.co' }, none)).toBe('in-progress')
    expect(sectionStatus(section, { email: 'a@b.co', telephone: '01632 960 001' }, none)).toBe('completed')
  })

  it('counts an optional page as done once visited', () => {
    const section = must(dbs.sections.find((s) => s.id === 'aboutYou'))
    const answers = { fullName: 'A', otherNamesKnown: 'no', dateOfBirth: '1990-01-01', placeOfBirth: 'Leeds' }
    expect(sectionStatus(section, answers, none)).toBe('in-progress')
    expect(sectionStatus(section, answers, new Set(['national-insurance']))).toBe('completed')
  })

  it('goes back to the page before in the section, skipping pages that do not apply or were prefilled', () => {
    expect(previousInSection(dbs, 'name', {}, none)).toBeUndefined()
    expect(previousInSection(dbs, 'other-names', {}, none)?.id).toBe('name')
    expect(previousInSection(dbs, 'date-of-birth', { otherNamesKnown: 'no' }, none)?.id).toBe('other-names')
    expect(previousInSection(dbs, 'date-of-birth', { otherNamesKnown: 'yes' }, none)?.id).toBe('other-names-list')
    expect(previousInSection(dbs, 'other-names', {}, new Set(['fullName']))).toBeUndefined()
    expect(previousInSection(dbs, 'email', {}, none)).toBeUndefined()
  })

  it('skips pages prefilled from the triage', () => {
    const answers = { reason: 'job', workNation: 'wales' }
    expect(firstIncomplete(dbs, answers, new Set(['reason']), new Set(['workNation']))?.id).toBe('name')
    expect(nextInSection(dbs, 'address', { livedFiveYears: 'no' }, new Set(['livedFiveYears']))?.id).toBe(
      'previous-addresses',
    )
  })

  it('drops answers to pages that no longer apply before submitting', () => {
    const answers = { otherNamesKnown: 'no', otherNames: 'Old Name' }
    expect(applicableAnswers(dbs, answers)).toEqual({ otherNamesKnown: 'no' })
    expect(isReadyToSubmit(dbs, answers)).toBe(false)
  })
})

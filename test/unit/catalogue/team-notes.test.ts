import { loadMessages } from '../../../app/i18n/locales'
import { teamNotes } from '../../helpers/pages/team-notes'

describe('notes meant for the team', () => {
  it.each([
    ['Fee from 2 December 2024 (third-party summary)'],
    ['(not yet confirmed on GOV.UK)'],
    ['£30 a year [check]'],
    ['Deadline to be checked'],
    ['(heb ei gadarnhau ar GOV.UK eto)'],
    ['crynodeb trydydd parti'],
  ])('are found in %s', (text) => {
    expect(teamNotes(text)).not.toEqual([])
  })

  it('are not found in ordinary advice', () => {
    expect(teamNotes('Check if you can get a visa. Your employer will check your documents.')).toEqual([])
  })

  it.each(['en', 'cy'] as const)('are in no %s copy', (lang) => {
    const found = [...loadMessages(lang)].flatMap(([key, text]) => teamNotes(text).map((note) => `${key}: ${note}`))
    expect(found).toEqual([])
  })
})

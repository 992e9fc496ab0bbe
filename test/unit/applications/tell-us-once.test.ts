import { must } from './must'
import { applicationById } from '../../../app/applications/registry'
import { journeyOf } from '../../../app/applications/service/journey'
import { firstIncomplete, nextInSection } from '../../../app/applications/progress'
import { checkAnswersView } from '../../../app/applications/http/check-answers-view'
import { triageAnswersFrom } from '../../../app/applications/prefill'
import { translator } from '../../../app/i18n/translate'

const care = must(applicationById('care-worker-wales'))
const now = new Date('2026-11-25T12:00:00Z')
const triage = { nation: 'wales', 'who-you-support': 'adults', 'how-you-work': 'employee' }

describe('tell us once', () => {
  it('fills in who you support and how you work from the work-in-care answers, and never asks them', () => {
    const journey = journeyOf(care, undefined, triage, now)
    expect(journey.answers).toMatchObject({ supports: 'adults', employment: 'employee' })
    expect(nextInSection(care, 'role', journey.answers, journey.prefilledIds)?.id).toBe('employer')
    const all = { ...journey.answers, fullName: 'A' }
    expect(firstIncomplete(care, all, new Set(['name']), journey.prefilledIds)?.id).toBe('date-of-birth')
  })

  it('shows prefilled answers on check answers with a Change link to the triage question that returns', () => {
    const journey = journeyOf(care, undefined, triage, now)
    const view = checkAnswersView(journey, translator('en'), 'en')
    const hrefs = view.fromPlan.map((row) => row.actions.items[0]?.href)
    expect(hrefs).toEqual([
      `/outcomes/work-in-care/who-you-support?change=true&returnTo=${encodeURIComponent('/apply/care-worker-wales/check-answers')}`,
      `/outcomes/work-in-care/how-you-work?change=true&returnTo=${encodeURIComponent('/apply/care-worker-wales/check-answers')}`,
    ])
    expect(view.fromPlan[0]?.value.html).toBe('Adults')
  })

  it('asks the question as usual when the triage answer does not fit the application', () => {
    const journey = journeyOf(must(applicationById('dbs-basic')), undefined, { nation: 'scotland' }, now)
    expect(journey.answers.workNation).toBeUndefined()
    expect(journey.prefilledIds.size).toBe(0)
  })

  it('reads the triage answers from the session defensively', () => {
    expect(triageAnswersFrom({ triage: { 'work-in-care': triage } }, 'work-in-care')).toEqual(triage)
    expect(triageAnswersFrom({ triage: 'nonsense' }, 'work-in-care')).toEqual({})
    expect(triageAnswersFrom(undefined, 'work-in-care')).toEqual({})
  })
})

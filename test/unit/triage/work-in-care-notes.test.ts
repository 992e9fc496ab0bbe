import { shownService } from '../../helpers/triage'
import { completePlan } from '../../helpers/triage/shown'
import { PERSONA_DAY } from '../../../app/triage/personas'

/**
 * The All Wales Induction Framework: evidence from it "can be transferred between organisations
 * that deliver the AWIF so the training doesn't need to be repeated" (content.socialcare.wales,
 * social care worker flow chart, read 2026-12-06). A worker already registered with Social Care
 * Wales has most likely done it in an earlier job, so the step tells them; a new worker is not told.
 */
describe('the induction in Wales for a worker moving job', () => {
  const employee = (already: string[]) =>
    completePlan(
      'work-in-care',
      {
        nation: 'wales',
        'who-you-support': 'adults',
        'how-you-work': 'employee',
        already,
        'right-to-work': 'british-irish',
      },
      PERSONA_DAY,
    )

  it('tells a registered worker their earlier induction carries over', () => {
    expect(shownService(employee(['social-care-wales']), 'all-wales-induction')?.notes).toEqual(['awif-moves-with-you'])
  })

  it('does not tell a new worker, who has none to carry over', () => {
    expect(shownService(employee(['none']), 'all-wales-induction')?.notes).toEqual([])
  })
})

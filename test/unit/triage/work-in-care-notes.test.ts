import { shownService } from '../../helpers/triage'
import { completePlan } from '../../helpers/triage/shown'
import { PERSONA_DAY } from '../../../app/triage/personas'

/**
 * The All Wales Induction Framework: evidence from it "can be transferred between organisations
 * that deliver the AWIF so the training doesn't need to be repeated" (content.socialcare.wales,
 * social care worker flow chart, read 2026-12-06). Anyone may have done it in an earlier job, and
 * whether it carries over rests with the new employer, so every employee is told to ask.
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

  it('tells every employee, registered or not, to ask whether an earlier induction carries over', () => {
    expect(shownService(employee(['social-care-wales']), 'all-wales-induction')?.notes).toEqual(['awif-moves-with-you'])
    expect(shownService(employee(['none']), 'all-wales-induction')?.notes).toEqual(['awif-moves-with-you'])
  })
})

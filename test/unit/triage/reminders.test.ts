import { reminderAt, remindersFor } from '../../../app/triage/reminders'
import { plan } from '../../helpers/triage'

/** Expected times worked out by hand: 09:00 UTC two days before the deadline's last day. */
describe('when a deadline reminder is sent', () => {
  it('at 09:00 UTC two days before the last day, across a month and a year end', () => {
    expect(reminderAt('2026-12-05').toISOString()).toBe('2026-12-03T09:00:00.000Z')
    expect(reminderAt('2026-12-01').toISOString()).toBe('2026-11-29T09:00:00.000Z')
    expect(reminderAt('2027-01-01').toISOString()).toBe('2026-12-30T09:00:00.000Z')
  })
})

describe('which reminders a kept plan gets', () => {
  const now = new Date('2026-11-30T10:00:00Z')
  const until = new Date('2026-12-28T10:00:00Z')
  const answers = (where: string, died: string) => ({
    died: where,
    'date-of-death': died,
    live: where,
    relationship: 'spouse-or-civil-partner',
    'date-of-birth': '1980-05-05',
    'their-children': 'yes',
    already: ['child-benefit'],
    'paying-for-funeral': 'no',
  })
  const summary = (where: string, died: string, done?: Set<string>) =>
    remindersFor(plan('bereavement', answers(where, died), now), now, until, done).map(
      (r) => `${r.planned.service.id} ${r.by} ${r.at.toISOString()}`,
    )

  it('one per dated deadline whose time is still to come and falls before the link expires', () => {
    // Scotland, died 27 November: register by 5 December, reminded 3 December; the payment's
    // reminder (25 February) would come after the link expires on 28 December.
    expect(summary('scotland', '2026-11-27')).toEqual(['register-death 2026-12-05 2026-12-03T09:00:00.000Z'])
    // Died 15 September: the payment by 15 December, reminded 13 December; registering has passed.
    expect(summary('scotland', '2026-09-15')).toEqual([
      'bereavement-support-higher 2026-12-15 2026-12-13T09:00:00.000Z',
    ])
  })

  it('none when the reminder’s time has already come: the citizen is reading the date now', () => {
    // Northern Ireland, died 27 November: register by 2 December, whose reminder time (30 November 09:00) has gone.
    expect(summary('northern-ireland', '2026-11-27')).toEqual([])
  })

  it('none for a task marked done, nor for a deadline without a date (England and Wales registration)', () => {
    expect(summary('scotland', '2026-11-27', new Set(['register-death']))).toEqual([])
    expect(summary('england', '2026-11-29')).toEqual([])
  })

  it('past the payment’s 3 months, the last day of the late claim, 21 months after the death', () => {
    // Died 10 March 2025: the whole payment needed a claim by 10 June 2025, gone; a late claim
    // until 10 December 2026 (21 months), reminded on 8 December.
    expect(summary('scotland', '2025-03-10')).toEqual([
      'bereavement-support-higher 2026-12-10 2026-12-08T09:00:00.000Z',
    ])
    // Died 10 January 2025: the late claim ended 10 October 2026. Died 10 May 2025: it ends
    // 10 February 2027, reminded 8 February, after the link expires on 28 December.
    expect(summary('scotland', '2025-01-10')).toEqual([])
    expect(summary('scotland', '2025-05-10')).toEqual([])
  })
})

import { loadMessages } from '../../../app/i18n/locales'
import { STAFF_ACTIONS } from '../../../app/staff/service/audit-log'
import { CHANGE_EVENT, CREATED_EVENT } from '../../../app/staff/service/lifecycle'

/**
 * The audit page lists the actions on the trail by label (app/staff/http/view-models.ts falls
 * back to the kebab-case name when there is none): every staff action has one, in both languages.
 */
describe('labels for the staff actions on the audit trail', () => {
  const staffEvents = [...STAFF_ACTIONS] as string[]

  it('cover every account change and the creation of an account', () => {
    expect(staffEvents).toEqual(expect.arrayContaining([...Object.values(CHANGE_EVENT), CREATED_EVENT]))
  })

  it.each(['en', 'cy'] as const)('exist in %s for every staff action', (lang) => {
    const messages = loadMessages(lang)
    expect(staffEvents.filter((action) => !messages.has(`staff.actions.${action}`))).toEqual([])
  })
})

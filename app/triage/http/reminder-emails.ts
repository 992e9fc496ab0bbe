import type { Locale } from '../../i18n/locales'
import type { Translate } from '../../i18n/translate'
import type { Answers, Outcome } from '../../catalogue/types'
import type { Plan } from '../plan'
import { remindersFor } from '../reminders'
import type { ReminderToSend } from '../service/reminders'
import { planView, type ServiceView } from './plan-view'

/**
 * The reminders a kept plan would get, worded as its plan page words them (the service's
 * name and its deadline line, "Register the death by 5 December 2026"), in the plan's
 * language. Empty when no deadline on the plan can be reminded of before the link expires:
 * then the form does not offer reminders at all.
 */
export function reminderEmails(
  outcome: Outcome,
  plan: Plan,
  answers: Answers,
  t: Translate,
  locale: Locale,
  now: Date,
  until: Date,
): ReminderToSend[] {
  const due = remindersFor(plan, now, until)
  if (due.length === 0) return []
  const view = planView(outcome, plan, answers, t, locale)
  const services = new Map<string, ServiceView>()
  for (const step of view.steps)
    for (const item of step.items) {
      if (item.kind === 'service') services.set(item.service.id, item.service)
      else for (const option of item.choice.options) services.set(option.service.id, option.service)
    }
  return due.flatMap((reminder) => {
    const words = services.get(reminder.planned.service.id)
    if (!words?.deadline) return []
    return [
      {
        item: reminder.planned.service.id,
        deadlineOn: reminder.by,
        at: reminder.at,
        service: words.name,
        deadline: words.deadline,
      },
    ]
  })
}

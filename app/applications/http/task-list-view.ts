import type { Translate } from '../../i18n/translate'
import type { Journey } from '../service/journey'
import { base } from './request'
import { sectionStatus, isReadyToSubmit, sectionStart } from '../progress'
import { copyKey } from '../copy'

/** The govukTaskList parameters: one task per section, then "check and send". */
export function taskListView(journey: Journey, t: Translate) {
  const { app, answers, visited, prefilledIds } = journey
  const tasks = app.sections.map((section) => {
    const status = sectionStatus(section, answers, visited)
    const start = sectionStart(section, answers, visited, prefilledIds)
    const tag =
      status === 'completed'
        ? { text: t('apply.taskList.status.completed') }
        : status === 'in-progress'
          ? { text: t('apply.taskList.status.in-progress'), classes: 'govuk-tag--light-blue' }
          : { text: t('apply.taskList.status.not-started'), classes: 'govuk-tag--blue' }
    return {
      title: { text: t(copyKey.section(app.id, section.id)) },
      href: start ? `${base(app)}/${start.id}` : `${base(app)}/check-answers`,
      status: status === 'completed' ? { text: tag.text } : { tag },
      done: status === 'completed',
    }
  })
  const ready = isReadyToSubmit(app, answers) && tasks.every((task) => task.done)
  const check = {
    title: { text: t('apply.taskList.checkTask') },
    ...(ready ? { href: `${base(app)}/check-answers` } : {}),
    status: ready
      ? { tag: { text: t('apply.taskList.status.not-started'), classes: 'govuk-tag--blue' } }
      : { text: t('apply.taskList.status.cannot-start'), classes: 'govuk-task-list__status--cannot-start-yet' },
  }
  const done = tasks.filter((task) => task.done).length
  return { tasks: tasks.map(({ done: _d, ...task }) => task), check, done, total: tasks.length, ready }
}

import { formatDate } from '../../i18n/format'
import type { Locale } from '../../i18n/locales'
import type { Translate } from '../../i18n/translate'
import { keys } from '../copy-keys'
import { figureVars } from '../figures'
import type { Answer, OutcomeId, Question } from '../../catalogue/types'
import { dateOfBirthTokens } from '../date-of-birth-tokens'

/** What a question page shows. The template passes `params` straight to one govuk-frontend macro. */
export interface QuestionView {
  pageTitle: string
  macro: 'radios' | 'checkboxes' | 'date'
  params: Record<string, unknown>
  errorList: { text: string; href: string }[]
}

/** Raw values to show back: a stored answer, or what was just posted with an error. */
export type Shown = { answer?: Answer; day?: string; month?: string; year?: string }

function legend(title: string) {
  return { legend: { text: title, isPageHeading: true, classes: 'govuk-fieldset__legend--l' } }
}

export function questionCopy(outcome: OutcomeId, question: Question, t: Translate, locale: Locale) {
  const vars = figureVars(question.figures, locale)
  const k = keys.question(outcome, question.id)
  return { title: t(k.title, vars), hint: t(k.hint, vars), vars }
}

/** How an answer reads back to the citizen: option labels, or a date written out. */
export function answerLabel(
  outcome: OutcomeId,
  question: Question,
  answer: Answer,
  t: Translate,
  locale: Locale,
): string {
  if (question.kind === 'date') return formatDate(`${answer as string}T12:00:00Z`, locale)
  const values = typeof answer === 'string' ? [answer] : answer
  return question.options
    .filter((o) => values.includes(o.value))
    .map((o) => t(keys.option(outcome, question, o.value)))
    .join(', ')
}

export function questionView(
  outcome: OutcomeId,
  question: Question,
  shown: Shown,
  errorKey: string | undefined,
  t: Translate,
  locale: Locale,
  /** An adviser is at the keyboard for the citizen: the browser must not offer the adviser's own birthday. */
  assisted = false,
): QuestionView {
  const { title, hint, vars } = questionCopy(outcome, question, t, locale)
  const error = errorKey ? t(errorKey, vars) : undefined
  const pageTitle = t('triage.pageTitle.question', { question: title, outcome: t(keys.outcome(outcome).title) })
  // govuk-frontend would otherwise prefix the message with English "Error" on Welsh pages.
  const errorMessage = error ? { text: error, visuallyHiddenText: t('common.govuk.errorHidden') } : undefined

  if (question.kind === 'date') {
    const [year, month, day] =
      typeof shown.answer === 'string' ? shown.answer.split('-') : [shown.year, shown.month, shown.day]
    const wrong = error ? ' govuk-input--error' : ''
    // The date of an event (`death`) is not the citizen's birthday: no autocomplete token for it.
    const tokens = question.event ? undefined : dateOfBirthTokens(assisted)
    return {
      pageTitle,
      macro: 'date',
      errorList: error ? [{ text: error, href: '#answer-day' }] : [],
      params: {
        id: 'answer',
        namePrefix: 'answer',
        fieldset: legend(title),
        hint: { text: hint },
        errorMessage,
        items: [
          {
            name: 'day',
            label: t('triage.question.day'),
            classes: `govuk-input--width-2${wrong}`,
            value: day,
            autocomplete: tokens?.day,
          },
          {
            name: 'month',
            label: t('triage.question.month'),
            classes: `govuk-input--width-2${wrong}`,
            value: month,
            autocomplete: tokens?.month,
          },
          {
            name: 'year',
            label: t('triage.question.year'),
            classes: `govuk-input--width-4${wrong}`,
            value: year,
            autocomplete: tokens?.year,
          },
        ],
      },
    }
  }

  const chosen = typeof shown.answer === 'string' ? [shown.answer] : (shown.answer ?? [])
  const items: Record<string, unknown>[] = []
  let divided = false
  for (const option of question.options) {
    // GOV.UK separates "I'm not sure" and "None of these" from the real answers with "or".
    if (!divided && (option.value === 'not-sure' || option.exclusive)) {
      items.push({ divider: t('triage.question.or') })
      divided = true
    }
    items.push({
      value: option.value,
      text: t(keys.option(outcome, question, option.value)),
      checked: chosen.includes(option.value),
      // "None of these" unticks the others (govuk-frontend's exclusive checkbox, with JavaScript).
      ...(option.exclusive ? { behaviour: 'exclusive' } : {}),
    })
  }
  return {
    pageTitle,
    macro: question.kind === 'checkboxes' ? 'checkboxes' : 'radios',
    errorList: error ? [{ text: error, href: '#answer' }] : [],
    params: {
      name: 'answer',
      idPrefix: 'answer',
      fieldset: legend(title),
      hint: { text: hint },
      errorMessage,
      items,
      classes: question.kind === 'yes-no' && question.options.length === 2 ? 'govuk-radios--inline' : undefined,
    },
  }
}

import type { Translate } from '../../i18n/translate'
import { formatDate } from '../../i18n/format'
import type { Locale } from '../../i18n/locales'
import type { Field } from '../definition'
import { isItems, type Address } from '../answers'
import type { Journey } from '../service/journey'
import { base } from './request'
import { applies } from '../progress'
import { copyKey } from '../copy'
import { itemName } from '../item-name'
import { triageChangeUrl } from '../triage-link'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** An answer as the citizen reads it back, as escaped HTML (addresses keep their lines). */
export function answerHtml(t: Translate, locale: Locale, app: string, field: Field, value: unknown): string {
  if (value === undefined) return escapeHtml(t('apply.checkAnswers.notProvided'))
  if (field.kind === 'date' && typeof value === 'string') return escapeHtml(formatDate(`${value}T12:00:00Z`, locale))
  if (field.kind === 'address' && value && typeof value === 'object') {
    const a = value as Address
    return [a.line1, a.line2, a.town, a.postcode]
      .filter(Boolean)
      .map((l) => escapeHtml(String(l)))
      .join('<br>')
  }
  if (field.kind === 'radios' && typeof value === 'string') return escapeHtml(t(copyKey.option(app, field.id, value)))
  if (field.kind === 'checkboxes' && Array.isArray(value))
    return value.map((v) => escapeHtml(t(copyKey.option(app, field.id, String(v))))).join('<br>')
  return escapeHtml(String(value)).replace(/\n/g, '<br>')
}

interface Row {
  key: { text: string }
  value: { html: string }
  actions: { items: { href: string; text: string; visuallyHiddenText: string }[] }
}

/**
 * Check your answers: one summary card per section, plus "From your plan" for answers
 * carried over from the triage, whose Change links go back to the triage question.
 */
export function checkAnswersView(journey: Journey, t: Translate, locale: Locale) {
  const { app, answers } = journey
  const root = base(app)
  const fromPlan: Row[] = []
  const sections = app.sections.map((section) => {
    const rows: Row[] = []
    for (const page of section.pages) {
      if (!applies(page, answers)) continue
      if (page.kind === 'addAnother') {
        const items = answers[page.field]
        const label = t(copyKey.field(app.id, page.field, 'label'))
        const html = isItems(items)
          ? items.map((item) => escapeHtml(itemName(page, item))).join('<br>')
          : escapeHtml(t('apply.checkAnswers.notProvided'))
        rows.push({
          key: { text: label },
          value: { html },
          actions: {
            items: [{ href: `${root}/${page.id}?change=1`, text: t('apply.change'), visuallyHiddenText: label }],
          },
        })
        continue
      }
      for (const field of page.fields) {
        const label = t(copyKey.field(app.id, field.id, 'label'))
        const question = journey.prefilled[field.id]
        const href = question
          ? triageChangeUrl(app.outcome, question, `${root}/check-answers`)
          : `${root}/${page.id}?change=1`
        const row = {
          key: { text: label },
          value: { html: answerHtml(t, locale, app.id, field, answers[field.id]) },
          actions: { items: [{ href, text: t('apply.change'), visuallyHiddenText: label }] },
        }
        if (question) fromPlan.push(row)
        else rows.push(row)
      }
    }
    return { title: t(copyKey.section(app.id, section.id)), rows }
  })
  return { sections: sections.filter((s) => s.rows.length > 0), fromPlan }
}

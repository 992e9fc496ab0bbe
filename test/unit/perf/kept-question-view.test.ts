import { CATALOGUE } from '../../../app/catalogue'
import type { Question } from '../../../app/catalogue/types'
import { LOCALES } from '../../../app/i18n/locales'
import { translator } from '../../../app/i18n/translate'
import { parseAnswer } from '../../../app/triage/answer-schema'
import { keptQuestionView } from '../../../app/triage/http/kept-question-view'
import { questionView, type Shown } from '../../../app/triage/http/question-view'
import { PERSONA_DAY } from '../../../app/triage/personas'
import { keyOf } from '../../../app/views/render-cache'

/** What a question page can show back: nothing, a stored answer, or a date typed with an error. */
function shownFor(question: Question): Shown[] {
  if (question.kind === 'date') return [{}, { answer: '1990-06-01' }, { day: '31', month: '2', year: '1990' }]
  const first = question.options[0]?.value ?? ''
  return [{}, { answer: question.kind === 'checkboxes' ? [first] : first }]
}

const cases = CATALOGUE.outcomes.flatMap((outcome) =>
  outcome.questions.flatMap((question) =>
    LOCALES.map((locale) => [outcome.id, question.id, locale, outcome, question] as const),
  ),
)

/**
 * The question route serves a kept view (kept-question-view.ts). It must be the view built
 * afresh for the same inputs — every question, both languages, with and without an answer
 * or an error, for a citizen and with an adviser — so the page is byte-identical
 * (render-equivalence.test.ts shows the cached HTML equals Nunjucks rendering that view).
 */
describe('kept question views', () => {
  it.each(cases)('%s %s (%s) is the view built afresh, kept and frozen', (_o, _q, locale, outcome, question) => {
    const t = translator(locale)
    const invalid = parseAnswer(outcome.id, question, {}, PERSONA_DAY)
    const errorKey = invalid.ok ? undefined : invalid.errorKey
    for (const shown of shownFor(question))
      for (const error of [undefined, errorKey])
        for (const assisted of [false, true]) {
          const fresh = questionView(outcome.id, question, shown, error, t, locale, assisted)
          const first = keptQuestionView(outcome.id, question, { ...shown }, error, t, locale, assisted)
          expect(first).toEqual(fresh)
          expect(keptQuestionView(outcome.id, question, { ...shown }, error, t, locale, assisted)).toBe(first)
          expect(Object.isFrozen(first.params)).toBe(true)
          expect(keyOf(first)).toBe(keyOf(fresh))
        }
  })

  it('keeps a question asked with fewer options apart from the whole question', () => {
    const question = CATALOGUE.outcomes
      .flatMap((o) => o.questions.map((q) => [o.id, q] as const))
      .find(([, q]) => q.kind !== 'date' && q.options.length > 2)
    if (!question) throw new Error('no question with options')
    const [outcome, whole] = question
    if (whole.kind === 'date') throw new Error('unreachable')
    const narrowed = { ...whole, options: whole.options.slice(1) }
    const t = translator('en')
    const full = keptQuestionView(outcome, whole, {}, undefined, t, 'en', false)
    const fewer = keptQuestionView(outcome, narrowed, {}, undefined, t, 'en', false)
    expect(fewer).toEqual(questionView(outcome, narrowed, {}, undefined, t, 'en', false))
    expect(fewer).not.toEqual(full)
  })
})

import type { Locale } from '../../i18n/locales'
import type { Translate } from '../../i18n/translate'
import type { OutcomeId, Question } from '../../catalogue/types'
import { deepFreeze } from './deep-freeze'
import { questionView, type QuestionView, type Shown } from './question-view'

/** Distinct question views kept: every question × answer shown × language is a few thousand; a view is about 1 KB. */
const MAX_ENTRIES = 2000
const views = new Map<string, QuestionView>()

/**
 * The question page's view, built once per distinct input and kept, frozen (a bounded LRU),
 * as plan views are (plan-page.ts). A question view is a pure function of the question as
 * asked on this path (its id and the options left in), what is shown back, the error, the
 * language (`t` must be that language's translator) and whether an adviser is helping.
 * Built per request, it was translated again and, being a new object, serialised whole
 * again for the render cache's key on every page view; kept and frozen, the render cache
 * serialises it once.
 */
export function keptQuestionView(
  outcome: OutcomeId,
  question: Question,
  shown: Shown,
  errorKey: string | undefined,
  t: Translate,
  locale: Locale,
  assisted: boolean,
): QuestionView {
  const asked = question.kind === 'date' ? [] : question.options.map((o) => o.value)
  const key = JSON.stringify([outcome, question.id, asked, shown, errorKey ?? null, locale, assisted])
  const known = views.get(key)
  if (known) {
    // Map order is insertion order: re-inserting marks it most recently used.
    views.delete(key)
    views.set(key, known)
    return known
  }
  const view = deepFreeze(questionView(outcome, question, shown, errorKey, t, locale, assisted))
  views.set(key, view)
  for (const oldest of views.keys()) {
    if (views.size <= MAX_ENTRIES) break
    views.delete(oldest)
  }
  return view
}

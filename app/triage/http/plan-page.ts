import { CATALOGUE } from '../../catalogue'
import type { Locale } from '../../i18n/locales'
import type { Translate } from '../../i18n/translate'
import { planFor } from '../plan'
import { planView, type PlanView } from './plan-view'
import type { Answers, Outcome } from '../../catalogue/types'
import { questionUrl } from '../urls'
import { walk } from '../walk'
import { deepFreeze } from './deep-freeze'

/** What the plan route needs: the page's view and back link, or that the journey is not finished. */
export type PlanPage = { complete: true; view: PlanView; backHref: string } | { complete: false }

/** Distinct (outcome, answers, locale, day) plans kept; a plan view is a few KB. */
const MAX_ENTRIES = 500
const pages = new Map<string, PlanPage>()

/**
 * The plan page for a citizen's answers. A plan is a pure function of the outcome, the
 * answers, the locale (`t` is that locale's translator) and the UTC day (ages), and
 * building it — walking the rules, then translating every service — cost more than the
 * rest of the request together. So each distinct plan is built once and kept (a bounded
 * LRU), frozen so no request can change what another is served.
 */
export function planPage(outcome: Outcome, answers: Answers, t: Translate, locale: Locale, today: Date): PlanPage {
  const key = `${outcome.id}|${locale}|${today.toISOString().slice(0, 10)}|${JSON.stringify(answers)}`
  const known = pages.get(key)
  if (known) {
    // Map order is insertion order: re-inserting marks it most recently used.
    pages.delete(key)
    pages.set(key, known)
    return known
  }
  const result = planFor(outcome, CATALOGUE.services, answers, today)
  let page: PlanPage
  if (!result.complete) page = { complete: false }
  else {
    const last = walk(outcome, answers, today).answered.at(-1)
    const view = deepFreeze(planView(outcome, result, answers, t, locale))
    page = { complete: true, view, backHref: last ? questionUrl(outcome.id, last.id) : '/' }
  }
  pages.set(key, page)
  for (const oldest of pages.keys()) {
    if (pages.size <= MAX_ENTRIES) break
    pages.delete(oldest)
  }
  return page
}

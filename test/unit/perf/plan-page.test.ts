import { CATALOGUE, outcomeById } from '../../../app/catalogue'
import { LOCALES } from '../../../app/i18n/locales'
import { translator } from '../../../app/i18n/translate'
import { planFor } from '../../../app/triage/plan'
import { planPage } from '../../../app/triage/http/plan-page'
import { planView } from '../../../app/triage/http/plan-view'
import { PERSONA_DAY, PERSONAS } from '../../../app/triage/personas'
import { keyOf } from '../../../app/views/render-cache'

/**
 * The plan route serves a kept plan view (plan-page.ts). It must be the view the route
 * built before it was kept — for every persona, in both languages — so that the page is
 * byte-identical (render-equivalence.test.ts then shows the cached HTML equals Nunjucks
 * rendering that view).
 */
describe('kept plan pages', () => {
  it.each(PERSONAS.flatMap((p) => LOCALES.map((locale) => [p.id, locale, p] as const)))(
    '%s (%s) is the view built afresh, kept and frozen',
    (_id, locale, persona) => {
      const outcome = outcomeById(persona.outcome)
      const t = translator(locale)
      const fresh = planView(
        outcome,
        planFor(outcome, CATALOGUE.services, persona.answers, PERSONA_DAY),
        persona.answers,
        t,
        locale,
      )
      const first = planPage(outcome, { ...persona.answers }, t, locale, PERSONA_DAY)
      const again = planPage(outcome, { ...persona.answers }, t, locale, PERSONA_DAY)
      expect(first.complete).toBe(true)
      expect(again).toBe(first)
      if (!first.complete) return
      expect(first.view).toEqual(fresh)
      expect(Object.isFrozen(first.view.steps[0]?.items[0])).toBe(true)
      // The key worked out once is the key of the view as it is.
      expect(keyOf(first.view)).toBe(keyOf(fresh))
    },
  )

  it('keeps plans apart by day (ages) and answers, and says when answers are incomplete', () => {
    const persona = PERSONAS[0]
    if (!persona) throw new Error('no personas')
    const outcome = outcomeById(persona.outcome)
    const t = translator('en')
    const today = planPage(outcome, persona.answers, t, 'en', PERSONA_DAY)
    const later = planPage(outcome, persona.answers, t, 'en', new Date(PERSONA_DAY.getTime() + 400 * 86_400_000))
    expect(later).not.toBe(today)
    expect(planPage(outcome, {}, t, 'en', PERSONA_DAY)).toEqual({ complete: false })
  })
})

import { CATALOGUE, OUTCOME_IDS, pathOf, plan, type Plan } from '../../helpers/triage'
import { PERSONA_DAY, PERSONAS, personaById, personasFor } from '../../../app/triage/personas'

/** The plan in the personas' notation: `step/service`, ` (may)` where it depends on "not sure". */
const summary = (p: Plan) =>
  p.steps.flatMap((step) =>
    step.services.map((s) => `${step.id}/${s.service.id}${s.certainty === 'may-apply' ? ' (may)' : ''}`),
  )

describe('persona plans', () => {
  it.each(OUTCOME_IDS)('%s has at least eight personas', (outcome) => {
    expect(personasFor(outcome).length).toBeGreaterThanOrEqual(8)
  })

  it('persona ids are unique, so tests and the accessibility walker can name them', () => {
    expect(new Set(PERSONAS.map((p) => p.id)).size).toBe(PERSONAS.length)
  })

  describe.each(PERSONAS.map((p) => [p.id, p] as const))('%s', (_id, persona) => {
    it(`gets exactly the plan pinned for: ${persona.description}`, () => {
      const result = plan(persona.outcome, persona.answers, PERSONA_DAY)
      expect(result.complete).toBe(true)
      expect(summary(result)).toEqual(persona.plan)
    })

    it('answers every question on their path and no other', () => {
      const path = pathOf(persona.outcome, persona.answers, PERSONA_DAY)
      expect(path.next).toBeUndefined()
      expect([...path.answered].sort()).toEqual(Object.keys(persona.answers).sort())
    })
  })

  it('quotes the answer behind each service: the Welsh care worker registers because they work in Wales', () => {
    const persona = personaById('welsh-domiciliary-employee')
    const result = plan(persona.outcome, persona.answers, PERSONA_DAY)
    const register = result.steps.flatMap((s) => s.services).find((s) => s.service.id === 'social-care-wales-register')
    // "Not a volunteer" is a negation: it explains nothing the citizen said, so only Wales is quoted.
    expect(register?.because).toEqual([{ question: 'nation', value: 'wales' }])
    expect(register?.service.how).toEqual({ kind: 'portal', application: 'care-worker-wales' })
  })

  it('shows a "correct as of" date taken from the sources of what it shows', () => {
    const persona = personaById('welsh-domiciliary-employee')
    const result = plan(persona.outcome, persona.answers, PERSONA_DAY)
    expect(result.correctAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const dates = result.steps.flatMap((s) => s.services.map((p) => p.correctAsOf))
    expect(dates.every((d) => d <= result.correctAsOf)).toBe(true)
  })

  it('the catalogue offers the three in-portal applications', () => {
    const applications = Object.values(CATALOGUE.services).flatMap((s) =>
      s.how.kind === 'portal' ? [s.how.application] : [],
    )
    expect(applications.sort()).toEqual(['care-worker-wales', 'child-benefit', 'dbs-basic'])
  })
})

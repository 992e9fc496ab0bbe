import { CATALOGUE, OUTCOME_IDS, pathOf, plan, type OutcomeId } from '../../helpers/triage'
import { NATIONS } from '../../../app/catalogue/schema'
import { PERSONA_DAY, PERSONAS } from '../../../app/triage/personas'
import { personasFor } from '../../helpers/personas'
import { notIncludedOf, planLines } from '../../helpers/personas'

/**
 * Outcomes whose personas have been rewritten from the research (/work/research and issue 14):
 * for these, every UK nation has at least six personas and each names its "not included" list.
 * An outcome joins this list in the change that rewrites its personas.
 */
const REWRITTEN: readonly OutcomeId[] = ['bereavement', 'caring', 'child-support', 'work-in-care']
const UK = NATIONS.filter((n) => n !== 'outside-uk')

describe('persona plans', () => {
  it.each(OUTCOME_IDS)('%s has at least eight personas', (outcome) => {
    expect(personasFor(outcome).length).toBeGreaterThanOrEqual(8)
  })

  it('rewritten outcomes have at least six personas in each nation, each with its "not included" list', () => {
    for (const outcome of REWRITTEN) {
      for (const nation of UK) {
        const personas = personasFor(outcome).filter((p) => p.nation === nation)
        expect({ outcome, nation, count: Math.min(personas.length, 6) }).toEqual({ outcome, nation, count: 6 })
        expect(personas.filter((p) => !p.notIncluded).map((p) => p.id)).toEqual([])
      }
    }
  })

  it('are all worked out on one day, the one the HTTP and browser journeys pin the clock to', () => {
    expect([...new Set(PERSONAS.map((p) => p.day.toISOString()))]).toEqual([PERSONA_DAY.toISOString()])
  })

  it('persona ids are unique, so tests and the accessibility walker can name them', () => {
    expect(new Set(PERSONAS.map((p) => p.id)).size).toBe(PERSONAS.length)
  })

  describe.each(PERSONAS.map((p) => [p.id, p] as const))('%s', (_id, persona) => {
    it(`gets exactly the plan pinned for: ${persona.description}`, () => {
      const result = plan(persona.outcome, persona.answers, persona.day)
      expect(result.complete).toBe(true)
      expect(planLines(result)).toEqual(persona.plan)
    })

    if (persona.notIncluded) {
      const expected = persona.notIncluded
      it('leaves out exactly the services listed, each for the reason given', () => {
        const left = notIncludedOf(plan(persona.outcome, persona.answers, persona.day))
        expect(left.map((l) => l.service)).toEqual(expected.map((e) => e.service))
        for (const entry of expected) {
          if (entry.reason) expect(left.find((l) => l.service === entry.service)?.reason).toBe(entry.reason)
        }
      })
    }

    it('answers every question on their path and no other', () => {
      const path = pathOf(persona.outcome, persona.answers, persona.day)
      expect(path.next).toBeUndefined()
      expect([...path.answered].sort()).toEqual(Object.keys(persona.answers).sort())
    })

    it('is set where its answers say it is', () => {
      const where = persona.answers.nation
      if (typeof where === 'string' && (NATIONS as readonly string[]).includes(where))
        expect(persona.nation).toBe(where)
    })
  })

  it('the catalogue offers the three in-portal applications', () => {
    const applications = Object.values(CATALOGUE.services).flatMap((s) =>
      Object.values(s.variants).flatMap((v) => (v.apply ? [v.apply] : [])),
    )
    expect([...new Set(applications)].sort()).toEqual(['care-worker-wales', 'child-benefit', 'dbs-basic'])
  })
})

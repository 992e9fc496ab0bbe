import { CATALOGUE } from '../../../app/catalogue'
import { allMessages } from '../../../app/i18n/locales'
import { assertValidCatalogue, CatalogueError, validateCatalogue } from '../../../app/triage/validate'
import * as broken from '../../fixtures/triage/broken-catalogues'

const copy = allMessages()

type DateQuestion = Extract<(typeof CATALOGUE.outcomes)[number]['questions'][number], { kind: 'date' }>

/** The portal's catalogue with its date questions that `pick` chooses changed by `change`. */
const withDates = (pick: (q: DateQuestion) => boolean, change: (q: DateQuestion) => object) => ({
  ...CATALOGUE,
  outcomes: CATALOGUE.outcomes.map((o) => ({
    ...o,
    questions: o.questions.map((q) => (q.kind === 'date' && pick(q) ? { ...q, ...change(q) } : q)),
  })),
})

type Outcome = (typeof CATALOGUE.outcomes)[number]

/** The portal's catalogue with one outcome changed by `change`. */
const withOutcome = (id: string, change: (o: Outcome) => Outcome) => ({
  ...CATALOGUE,
  outcomes: CATALOGUE.outcomes.map((o) => (o.id === id ? change(o) : o)),
})

describe('catalogue validation at start-up', () => {
  it('accepts the portal’s catalogue with its English and Welsh copy', () => {
    expect(validateCatalogue(CATALOGUE, copy)).toEqual([])
  })

  it('names a fact that a rule uses but no answer sets', () => {
    expect(validateCatalogue(broken.factNeverSet, copy)).toEqual([
      'service "caring/carers-credit" refers to fact "nation:wale", which no answer or derivation sets',
    ])
  })

  it('names a derived fact that reads one derived after it, which would silently read "no"', () => {
    const swapped = withOutcome('child-support', (o) => {
      const at = o.derived.findIndex((d) => d.fact === 'tfc-age-open')
      const reads = o.derived.findIndex((d) => d.fact === 'disabled-child-may-be-16-or-over')
      const derived = [...o.derived]
      const [moved] = derived.splice(at, 1)
      if (moved) derived.splice(reads, 0, moved)
      return { ...o, derived }
    })
    expect(validateCatalogue(swapped, copy)).toEqual([
      'derived fact "child-support/tfc-age-open" reads "disabled-child-may-be-16-or-over", which is derived after it: move it below',
    ])
  })

  it('names a question no answers lead to', () => {
    expect(validateCatalogue(broken.unreachableQuestion, copy)).toEqual([
      'question "caring/course" is unreachable: no answers lead to it',
    ])
  })

  it('reaches a question asked only sometimes whose options are narrowed on every path', () => {
    // The right to work is asked of paid workers only, and this option only of volunteers: it is
    // never offered, so the question is always answered as a narrowed copy of itself.
    const narrowed = withOutcome('work-in-care', (o) => ({
      ...o,
      questions: o.questions.map((q) =>
        q.id === 'right-to-work' && q.kind === 'radios'
          ? {
              ...q,
              options: q.options.map((option) =>
                option.value === 'need-visa-abroad' ? { ...option, askIf: { fact: 'work:volunteer' } } : option,
              ),
            }
          : q,
      ),
    }))
    expect(validateCatalogue(narrowed, copy)).toEqual([])
  })

  it('names a date banded at an event no earlier question dates', () => {
    const misspelt = withDates(
      (q) => q.alsoAt !== undefined,
      (q) => ({ alsoAt: { ...q.alsoAt, event: 'deaht' } }),
    )
    expect(validateCatalogue(misspelt, copy)).toEqual([
      'question "bereavement/date-of-birth" is banded at "deaht", which no earlier question dates',
    ])
  })

  it('names a date band with two limits, and an age at an event banded by months or weeks', () => {
    const atEvent = (q: DateQuestion) => q.alsoAt !== undefined
    const twoLimits = withDates(atEvent, (q) => ({
      bands: [{ value: 'both', underYears: 66, withinMonths: 6 }, ...q.bands],
    }))
    expect(validateCatalogue(twoLimits, copy).join('\n')).toMatch(
      /needs one limit at most: underYears, underPensionAge, withinMonths or withinWeeks/,
    )
    const twoTimes = withDates(atEvent, (q) => ({
      bands: [{ value: 'both', withinMonths: 6, withinWeeks: 56 }, ...q.bands],
    }))
    expect(validateCatalogue(twoTimes, copy).join('\n')).toMatch(/needs one limit at most/)
    for (const limit of [{ withinMonths: 6 }, { withinWeeks: 56 }]) {
      const timeAtEvent = withDates(atEvent, (q) => ({
        alsoAt: { ...q.alsoAt, bands: [{ value: 'recent', ...limit }, ...(q.alsoAt?.bands ?? [])] },
      }))
      expect(validateCatalogue(timeAtEvent, copy).join('\n')).toMatch(
        /alsoAt bands are ages: underYears or underPensionAge only/,
      )
    }
  })

  it('names a time band that holds no date, after a longer one', () => {
    const swapped = withDates(
      (q) => q.event !== undefined,
      (q) => ({
        bands: [{ value: 'within-2-years', withinMonths: 24 }, { value: 'within-a-year', withinWeeks: 52 }, ...q.bands],
      }),
    )
    expect(validateCatalogue(swapped, copy)).toContain(
      'question "bereavement/date-of-death" has band "within-a-year", which holds no date: put shorter limits first',
    )
  })

  it('names a service no answers show', () => {
    expect(validateCatalogue(broken.unreachableService, copy)).toEqual([
      'service "caring/carers-credit" is unreachable: no answers show it',
    ])
  })

  it('names a note shown only with a variant its service does not have, which would never show', () => {
    const misnamed = withOutcome('bereavement', (o) => ({
      ...o,
      services: o.services.map((p) =>
        p.service !== 'maternity-paternity-leave-pay'
          ? p
          : { ...p, notes: (p.notes ?? []).map((n) => ({ ...n, variants: ['england'] })) },
      ),
    }))
    expect(validateCatalogue(misnamed, copy)).toEqual([
      'note "bereavement/maternity-allowance-form" names variant "england", which service "bereavement/maternity-paternity-leave-pay" does not have',
    ])
  })

  it('names a rule with the wrong shape', () => {
    const problems = validateCatalogue(broken.badShape, copy)
    expect(problems).toHaveLength(1)
    const caring = CATALOGUE.outcomes.findIndex((o) => o.id === 'caring')
    const credit = CATALOGUE.outcomes[caring]?.services.findIndex((p) => p.service === 'carers-credit')
    expect(problems[0]).toMatch(new RegExp(`^catalogue\\.outcomes\\.${caring}\\.services\\.${credit}\\.showIf`))
  })

  it('names copy missing in Welsh', () => {
    const welshWithoutOne = {
      has: (key: string) => key !== 'catalogue.services.carers-credit.name' && copy.cy.has(key),
    }
    expect(validateCatalogue(CATALOGUE, { en: copy.en, cy: welshWithoutOne })).toEqual([
      'service "carers-credit" has no cy copy for "catalogue.services.carers-credit.name"',
    ])
  })

  it('throws one error listing every problem, for the server to print', () => {
    expect(() => assertValidCatalogue(broken.factNeverSet, copy)).toThrow(CatalogueError)
    expect(() => assertValidCatalogue(broken.factNeverSet, copy)).toThrow(/carers-credit.*nation:wale/)
  })
})

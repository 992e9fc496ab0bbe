import { planFor, type Plan } from '../../../app/triage/plan'
import { shownService } from '../../helpers/triage'
import { walk } from '../../../app/triage/walk'
import type { Outcome, Service, Variant } from '../../../app/catalogue/types'

/**
 * The plan model's mechanisms on a small made-up outcome, so each can be shown on its own:
 * variants by nation, plain-words reasons and near misses, things the citizen already has,
 * choices, exclusions, notes, "may" and the last-checked date.
 */
const day = new Date(Date.UTC(2026, 10, 30))
const variant = (nations: Variant['nations'], extra: Partial<Variant> = {}): Variant => ({
  nations,
  provider: 'dwp',
  url: 'https://www.gov.uk/example',
  phones: 'none',
  checked: '2026-11-30',
  ...extra,
})
const service = (id: string, variants: Service['variants'], extra: Partial<Service> = {}): Service => ({
  id,
  variants,
  ...extra,
})
const yesNo = (id: string, fact: string, notSure = false) => ({
  id,
  kind: 'yes-no' as const,
  options: [
    { value: 'yes', sets: [fact] },
    { value: 'no' },
    ...(notSure ? [{ value: 'not-sure', unsure: [fact] }] : []),
  ],
})

const services: Record<string, Service> = {
  funeral: service('funeral', {
    gb: variant(['england', 'wales'], {
      phones: [{ number: '0800 151 2012' }, { number: '0800 731 0453', for: 'welsh' }],
    }),
    scotland: variant(['scotland'], { provider: 'social-security-scotland' }),
    ni: variant(['northern-ireland'], { provider: 'department-for-communities' }),
  }),
  'tell-us-once': service(
    'tell-us-once',
    { gb: variant(['england', 'wales', 'scotland']) },
    { unavailable: ['northern-ireland'] },
  ),
  'claim-child-benefit': service('claim-child-benefit', {
    uk: variant(['england', 'wales', 'scotland', 'northern-ireland'], {
      apply: 'child-benefit',
      figures: {
        rate: {
          amount: 27.05,
          unit: 'money',
          taxYear: '2026/27',
          source: 'https://www.gov.uk/x',
          checked: '2026-04-06',
        },
      },
    }),
  }),
  'carers-allowance': service(
    'carers-allowance',
    { uk: variant(['england', 'wales', 'scotland', 'northern-ireland']) },
    { excludes: ['carers-credit'] },
  ),
  'carers-credit': service('carers-credit', { uk: variant(['england', 'wales', 'scotland', 'northern-ireland']) }),
  'enhanced-check': service('enhanced-check', { ew: variant(['england', 'wales']) }),
  'basic-check': service('basic-check', { ew: variant(['england', 'wales']) }),
}

const outcome: Outcome = {
  id: 'bereavement',
  order: 1,
  steps: ['first', 'money', 'checks'],
  questions: [
    {
      id: 'died',
      kind: 'radios',
      options: ['england', 'scotland', 'northern-ireland'].map((n) => ({ value: n, sets: [`died:${n}`] })),
    },
    {
      id: 'live',
      kind: 'radios',
      options: ['england', 'wales', 'scotland', 'northern-ireland'].map((n) => ({ value: n, sets: [`live:${n}`] })),
    },
    {
      id: 'already',
      kind: 'checkboxes',
      options: [
        { value: 'child-benefit', sets: ['has:child-benefit'] },
        // Offered only to someone living in Scotland: "ask once, where it matters".
        { value: 'scottish-child-payment', sets: ['has:scottish-child-payment'], askIf: { fact: 'live:scotland' } },
        { value: 'not-sure', unsure: ['has:child-benefit'] },
        { value: 'none', exclusive: true },
      ],
    },
    yesNo('paying', 'paying-for-funeral'),
    yesNo('benefits', 'on-benefit', true),
    yesNo('caring', 'caring-35-hours'),
    yesNo('employer', 'has-employer'),
  ],
  derived: [],
  services: [
    { service: 'tell-us-once', step: 'first', nationFrom: 'died' },
    {
      service: 'funeral',
      step: 'money',
      nationFrom: 'live',
      showIf: { allOf: [{ fact: 'paying-for-funeral' }, { fact: 'on-benefit' }] },
      mayIf: { not: { fact: 'has-employer' } },
      notes: [
        { id: 'welsh-line', when: { fact: 'live:wales' } },
        { id: 'scottish-form', when: { allOf: [] }, variants: ['scotland'] },
        { id: 'scottish-employer-line', when: { fact: 'has-employer' }, variants: ['scotland'] },
      ],
    },
    { service: 'claim-child-benefit', step: 'money', nationFrom: 'live', heldIf: { fact: 'has:child-benefit' } },
    { service: 'carers-allowance', step: 'money', nationFrom: 'live', showIf: { fact: 'caring-35-hours' } },
    { service: 'carers-credit', step: 'money', nationFrom: 'live', showIf: { fact: 'caring-35-hours' } },
    { service: 'enhanced-check', step: 'checks', nationFrom: 'live', showIf: { fact: 'has-employer' } },
    { service: 'basic-check', step: 'checks', nationFrom: 'live' },
  ],
  choices: [{ id: 'which-check', services: ['enhanced-check', 'basic-check'] }],
}

const base = {
  died: 'england',
  live: 'england',
  already: ['none'],
  paying: 'yes',
  benefits: 'yes',
  caring: 'no',
  employer: 'yes',
}
const planOf = (answers: Record<string, string | string[]>) => planFor(outcome, services, { ...base, ...answers }, day)
const omitted = (p: Plan, id: string) => p.notIncluded.find((s) => s.service.id === id)

describe('the plan model', () => {
  it('picks each service’s variant by the fact its placement names: registration by where the death was, money by where you live', () => {
    const p = planOf({ died: 'scotland', live: 'northern-ireland' })
    expect(shownService(p, 'tell-us-once')?.variantId).toBe('gb')
    expect(shownService(p, 'funeral')?.variantId).toBe('ni')
    expect(shownService(p, 'funeral')?.variant.provider).toBe('department-for-communities')
  })

  it('lists a service that does not exist where the citizen is as unavailable, and leaves out other nations’ services silently', () => {
    const p = planOf({ died: 'northern-ireland', live: 'scotland' })
    expect(omitted(p, 'tell-us-once')?.why).toBe('unavailable')
    // The checks exist only in England and Wales: a Scottish citizen is not told about them at all.
    expect(omitted(p, 'basic-check')).toBeUndefined()
    expect(shownService(p, 'basic-check')).toBeUndefined()
  })

  it('gives reasons as facts, negatives included, and a near miss by the one condition that failed', () => {
    const shownPlan = planOf({ employer: 'yes' })
    expect(shownService(shownPlan, 'funeral')?.reasons).toEqual([
      { fact: 'paying-for-funeral', truth: 'yes' },
      { fact: 'on-benefit', truth: 'yes' },
    ])
    const nearMiss = planOf({ benefits: 'no' })
    expect(omitted(nearMiss, 'funeral')).toMatchObject({
      why: 'condition',
      reasons: [{ fact: 'on-benefit', truth: 'no' }],
    })
  })

  it('leaves a service out whatever its showIf says when its leftOutIf holds, giving the facts that held as the reason', () => {
    const leftOut: Outcome = {
      ...outcome,
      services: outcome.services.map((p) =>
        p.service === 'claim-child-benefit' ? { ...p, leftOutIf: { fact: 'caring-35-hours' } } : p,
      ),
    }
    // Shown to everyone (no showIf) until the leftOutIf holds.
    expect(shownService(planFor(leftOut, services, base, day), 'claim-child-benefit')).toBeDefined()
    const p = planFor(leftOut, services, { ...base, caring: 'yes' }, day)
    expect(shownService(p, 'claim-child-benefit')).toBeUndefined()
    expect(omitted(p, 'claim-child-benefit')).toMatchObject({
      why: 'condition',
      reasons: [{ fact: 'caring-35-hours', truth: 'yes' }],
    })
  })

  it('says "may" when an answer was "not sure", naming what it depends on', () => {
    const p = planOf({ benefits: 'not-sure' })
    expect(shownService(p, 'funeral')?.certainty).toBe('may-apply')
    expect(shownService(p, 'funeral')?.reasons).toContainEqual({ fact: 'on-benefit', truth: 'unknown' })
  })

  it('says "may" when a rule the portal does not ask about could stop it (mayIf)', () => {
    const p = planOf({ employer: 'no' })
    expect(shownService(p, 'funeral')?.certainty).toBe('may-apply')
    expect(shownService(p, 'funeral')?.reasons).toContainEqual({ fact: 'has-employer', truth: 'no' })
  })

  it('never offers to apply for something the citizen already has: it is listed as already held', () => {
    const p = planOf({ already: ['child-benefit'] })
    expect(shownService(p, 'claim-child-benefit')).toBeUndefined()
    expect(omitted(p, 'claim-child-benefit')).toMatchObject({
      why: 'held',
      reasons: [{ fact: 'has:child-benefit', truth: 'yes' }],
    })
    const unsure = planOf({ already: ['not-sure'] })
    expect(shownService(unsure, 'claim-child-benefit')?.certainty).toBe('may-apply')
  })

  it('offers an "already get" option only where it matters', () => {
    const options = (live: string) => {
      const state = walk(outcome, { died: 'england', live }, day)
      return state.next?.kind === 'checkboxes' ? state.next.options.map((o) => o.value) : []
    }
    expect(options('scotland')).toContain('scottish-child-payment')
    expect(options('england')).not.toContain('scottish-child-payment')
  })

  it('drops a service another one on the plan makes unnecessary, saying which', () => {
    const p = planOf({ caring: 'yes' })
    expect(shownService(p, 'carers-allowance')).toBeDefined()
    expect(shownService(p, 'carers-credit')).toBeUndefined()
    expect(omitted(p, 'carers-credit')).toMatchObject({ why: 'excluded', by: 'carers-allowance' })
  })

  it('shows alternatives as one choice, and a single one plainly when an answer settles it', () => {
    const both = planOf({ employer: 'yes' }).steps.find((s) => s.id === 'checks')
    expect(both?.items).toHaveLength(1)
    expect(both?.items[0]).toMatchObject({ kind: 'choice', choice: 'which-check' })
    const one = planOf({ employer: 'no' }).steps.find((s) => s.id === 'checks')
    expect(one?.items.map((i) => i.kind)).toEqual(['service'])
  })

  it('adds a note where its rule holds', () => {
    expect(shownService(planOf({ live: 'wales' }), 'funeral')?.notes).toEqual(['welsh-line'])
    expect(shownService(planOf({}), 'funeral')?.notes).toEqual([])
  })

  it('adds a note that names variants only to the plans those variants serve', () => {
    expect(shownService(planOf({ live: 'scotland' }), 'funeral')?.notes).toEqual([
      'scottish-form',
      'scottish-employer-line',
    ])
    // The variant alone does not show it: its rule must hold too.
    expect(shownService(planOf({ live: 'scotland', employer: 'no' }), 'funeral')?.notes).toEqual(['scottish-form'])
    expect(shownService(planOf({ live: 'northern-ireland' }), 'funeral')?.notes).toEqual([])
  })

  it('dates each service by its oldest check', () => {
    expect(shownService(planOf({}), 'claim-child-benefit')?.lastChecked).toBe('2026-04-06')
  })
})

import type { Application, Field, Page } from './definition'
import type { Answers } from './answers'
import { applies } from './progress'
import { allPages } from './registry'
import { factFor, type Rule } from '../rules/holds'

/**
 * Valid example answers derived from the definitions alone, as the forms a browser posts.
 * The page-state list uses them to reach every page (conditional ones included) without a
 * hand-kept script, and tests use them as a known-good baseline.
 */
export type Form = Record<string, string | string[]>

/** Facts a rule wants true, so an example can pick the option that shows a conditional page. */
export function wantedFacts(rule: Rule | undefined): string[] {
  if (!rule) return []
  if ('fact' in rule) return [rule.fact]
  if ('allOf' in rule) return rule.allOf.flatMap(wantedFacts)
  if ('anyOf' in rule) return wantedFacts(rule.anyOf[0])
  return []
}

function dateForm(id: string, iso: string): Form {
  const [y, m, d] = iso.split('-')
  return { [`${id}-day`]: String(Number(d)), [`${id}-month`]: String(Number(m)), [`${id}-year`]: y ?? '' }
}

export function sampleField(field: Field, wanted: readonly string[] = []): { form: Form; value: unknown } {
  const choice = field.options?.find((o) => wanted.includes(factFor(field.id, o))) ?? field.options?.[0] ?? ''
  switch (field.kind) {
    case 'email':
      return { form: { [field.id]: 'applicant@example.com' }, value: 'applicant@example.com' }
    case 'telephone':
      return { form: { [field.id]: '01632 960 001' }, value: '01632 960 001' }
    case 'nino':
      return { form: { [field.id]: 'AB123456C' }, value: 'AB123456C' }
    case 'postcode':
      return { form: { [field.id]: 'CF10 1AA' }, value: 'CF10 1AA' }
    case 'address':
      return {
        form: {
          [`${field.id}-line1`]: '1 Sample Street',
          [`${field.id}-town`]: 'Cardiff',
          [`${field.id}-postcode`]: 'CF10 1AA',
        },
        value: { line1: '1 Sample Street', town: 'Cardiff', postcode: 'CF10 1AA' },
      }
    case 'date': {
      const iso = field.date?.minAge ? '1990-01-01' : '2020-01-01'
      return { form: dateForm(field.id, iso), value: iso }
    }
    case 'radios':
      return { form: { [field.id]: choice }, value: choice }
    case 'checkboxes':
      return { form: { [field.id]: [choice] }, value: [choice] }
    default:
      return { form: { [field.id]: 'Sample' }, value: 'Sample' }
  }
}

export function sampleForm(fields: readonly Field[], wanted: readonly string[] = []): Form {
  return Object.assign({}, ...fields.map((f) => sampleField(f, wanted).form)) as Form
}

/** One request in a scripted walk: a page to GET then a form to POST to it. */
export interface Answer {
  path: string
  form: Form
}

/**
 * The posts that fill in an application up to (not including) `target`, choosing options
 * that make `target` apply; with no target, every page, so check answers is reachable.
 */
export function answersUpTo(app: Application, target?: Page): Answer[] {
  const wanted = wantedFacts(target?.askIf)
  const answers: Record<string, unknown> = {}
  const out: Answer[] = []
  for (const page of allPages(app)) {
    if (page === target) break
    if (!applies(page, answers as Answers)) continue
    if (page.kind === 'addAnother') {
      out.push({ path: `${page.id}/1`, form: sampleForm(page.itemFields, wanted) })
      out.push({ path: page.id, form: { another: 'no' } })
      answers[page.field] = [{}]
      continue
    }
    // Only pages whose answers matter to the target are needed, unless filling in everything.
    const needed = !target || page.fields.some((f) => f.options?.some((o) => wanted.includes(factFor(f.id, o))))
    if (!needed) continue
    out.push({ path: page.id, form: sampleForm(page.fields, wanted) })
    for (const f of page.fields) answers[f.id] = sampleField(f, wanted).value
  }
  return out
}

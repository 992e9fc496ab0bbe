import { CATALOGUE } from '../../app/catalogue'
import type { OutcomeId } from '../../app/catalogue/types'
import { translator } from '../../app/i18n/translate'
import { keys } from '../../app/triage/copy-keys'
import { omittedReason } from '../../app/triage/http/plan-view'
import type { Plan, PlannedService } from '../../app/triage/plan'
import { PERSONAS, type Persona } from '../../app/triage/personas'
import { outcomeById } from '../../app/catalogue'
import { hasCopy } from '../../app/i18n/translate'

/**
 * The persona notation (app/catalogue/data/personas): one line per plan item,
 * `step/service`, `@variant` where the service has several, ` (may)` where it depends on
 * something, and `step/one of: a | b` for a choice. Tests compare a plan written this way
 * with the persona's own lines, written from the official rules.
 */
function serviceText(planned: PlannedService): string {
  const variant = Object.keys(planned.service.variants).length > 1 ? `@${planned.variantId}` : ''
  return `${planned.service.id}${variant}${planned.certainty === 'may-apply' ? ' (may)' : ''}`
}

export function planLines(result: Plan): string[] {
  return result.steps.flatMap((step) =>
    step.items.map((item) =>
      item.kind === 'choice'
        ? `${step.id}/one of: ${item.options.map(serviceText).join(' | ')}`
        : `${step.id}/${serviceText(item)}`,
    ),
  )
}

const en = translator('en')

/** The services left out, with the English reason the plan gives, in the order the plan lists them. */
export function notIncludedOf(result: Plan): { service: string; reason: string }[] {
  const outcome = outcomeById(result.outcome)
  return result.notIncluded.map((omitted) => ({
    service: omitted.service.id,
    reason: omittedReason(outcome, omitted, en, 'en'),
  }))
}

/** A persona's plan line read back: the services it names, in order (a choice's options in turn). */
export function servicesOfLine(line: string): { id: string; variant: string | undefined }[] {
  const body = line.slice(line.indexOf('/') + 1).replace(/^one of: /, '')
  return body.split(' | ').map((part) => {
    const [id = '', variant] = part.replace(/ \(may\)$/, '').split('@')
    return { id, variant }
  })
}

/**
 * The service card titles a persona's plan page shows, in order, in English: what the HTTP and
 * browser journeys look for on the page (a variant's own name where it has one).
 */
export function expectedCardTitles(persona: Persona): string[] {
  return persona.plan.flatMap(servicesOfLine).map(({ id, variant }) => {
    const service = CATALOGUE.services[id]
    const variantId = variant ?? Object.keys(service?.variants ?? {})[0] ?? ''
    const own = keys.variant(id, variantId, 'name')
    return en(hasCopy(own) ? own : keys.service(id).name)
  })
}

export function personaById(id: string): Persona {
  const persona = PERSONAS.find((p) => p.id === id)
  if (!persona) throw new Error(`No persona ${id}`)
  return persona
}

export const personasFor = (outcome: OutcomeId) => PERSONAS.filter((p) => p.outcome === outcome)

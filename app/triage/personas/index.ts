import type { OutcomeId } from '../../catalogue/types'
import { bereavementPersonas } from './bereavement'
import { caringPersonas } from './caring'
import { childSupportPersonas } from './child-support'
import type { Persona } from './persona'
import { workInCarePersonas } from './work-in-care'

export { PERSONA_DAY, type Persona } from './persona'

/** Every persona, at least eight per outcome. */
export const PERSONAS: readonly Persona[] = [
  ...workInCarePersonas,
  ...childSupportPersonas,
  ...bereavementPersonas,
  ...caringPersonas,
]

export function personaById(id: string): Persona {
  const persona = PERSONAS.find((p) => p.id === id)
  if (!persona) throw new Error(`No persona ${id}`)
  return persona
}

export const personasFor = (outcome: OutcomeId) => PERSONAS.filter((p) => p.outcome === outcome)

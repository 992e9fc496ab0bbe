import path from 'node:path'
import { CatalogueError } from '../../catalogue/errors'
import { readDataFile, yamlFiles } from '../../catalogue/load'
import { OUTCOME_IDS, type Answers, type Nation, type OutcomeId } from '../../catalogue/types'
import { personaFileSchema } from '../../catalogue/schema'
import { CATALOGUE_DIR } from '../../paths'

/**
 * A named situation with the exact plan it must produce, kept as data
 * (app/catalogue/data/personas/<outcome>.yaml) and written from the official rules. The app
 * uses them for the auditors' index (app/a11y): each persona's plan is a page state an auditor
 * can open and the walker checks. The unit tests, the HTTP and browser journeys and the
 * benchmark check each persona's own plan (test/helpers/personas.ts).
 */
export interface Persona {
  id: string
  outcome: OutcomeId
  /** Where the persona's situation is: at least six per outcome and nation. */
  nation: Nation
  description: string
  answers: Answers
  /**
   * The plan, in order, one line per item: `step/service`, with `@variant` where the service
   * has more than one variant, ` (may)` where it depends on something, and for a choice
   * `step/one of: service-a | service-b (may)`.
   */
  plan: readonly string[]
  /** Services left out, each with the English reason the plan gives (or none to check only that it is listed). */
  notIncluded: readonly { service: string; reason?: string }[] | undefined
  /** The day the plan is worked out on (ages, "last checked"): the clock is pinned to it. */
  day: Date
}

/** The day today's converted personas are pinned to (a persona file sets its own with `day:`). */
export const PERSONA_DAY = new Date(Date.UTC(2026, 10, 30))

function loadPersonas(dir = path.join(CATALOGUE_DIR, 'personas')): Persona[] {
  const problems: string[] = []
  const personas: Persona[] = []
  for (const file of yamlFiles(dir)) {
    const outcome = path.basename(file, '.yaml') as OutcomeId
    if (!OUTCOME_IDS.includes(outcome)) problems.push(`${file}: is named after no outcome`)
    const data = readDataFile(file, personaFileSchema, problems)
    for (const p of data?.personas ?? []) {
      personas.push({
        ...p,
        outcome,
        day: new Date(`${data?.day ?? ''}T00:00:00Z`),
        notIncluded: p.notIncluded?.map((entry) => {
          if (typeof entry === 'string') return { service: entry }
          const [service, reason] = Object.entries(entry)[0] ?? ['', '']
          return { service, reason }
        }),
      })
    }
  }
  const seen = new Set<string>()
  for (const p of personas) {
    if (seen.has(p.id)) problems.push(`persona "${p.id}" is defined twice`)
    seen.add(p.id)
  }
  if (problems.length > 0) throw new CatalogueError(problems)
  return personas
}

/** Every persona, outcome by outcome. */
export const PERSONAS: readonly Persona[] = loadPersonas()

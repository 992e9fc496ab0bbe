import type { Catalogue } from './types'

/**
 * The text of ids.generated.ts for a catalogue: the outcome ids in start-page order and the
 * service ids, as `as const` lists, so code names an outcome or service only if the data
 * has it. `npm run catalogue:ids` writes it; a unit test fails while the two disagree.
 */
export function idsModule(catalogue: Catalogue): string {
  // Laid out as Prettier would: on one line when it fits in 120 columns, else one id a line.
  const list = (name: string, ids: readonly string[]) => {
    const line = `export const ${name} = [${ids.map((id) => `'${id}'`).join(', ')}] as const`
    return line.length <= 120
      ? line
      : `export const ${name} = [\n${ids.map((id) => `  '${id}',`).join('\n')}\n] as const`
  }
  return `// Generated from app/catalogue/data by \`npm run catalogue:ids\`: do not edit by hand.
// A test fails when this file and the data disagree.

${list(
  'OUTCOME_IDS',
  catalogue.outcomes.map((o) => o.id),
)}
export type OutcomeId = (typeof OUTCOME_IDS)[number]

${list('SERVICE_IDS', Object.keys(catalogue.services).sort())}
export type ServiceId = (typeof SERVICE_IDS)[number]
`
}

// `npm run journeys:map`: writes journeys/<outcome>.mmd, one Mermaid flowchart per outcome,
// drawn from the catalogue. The files are generated (and git-ignored): rerun after a change.
import fs from 'node:fs'
import path from 'node:path'
import { CATALOGUE } from '../app/catalogue'
import { translator } from '../app/i18n/translate'
import { journeyMap } from '../app/triage/journey-map'

const out = path.resolve(__dirname, '..', 'journeys')
fs.mkdirSync(out, { recursive: true })
const t = translator('en')
for (const outcome of CATALOGUE.outcomes) {
  const file = path.join(out, `${outcome.id}.mmd`)
  fs.writeFileSync(file, journeyMap(outcome, t))
  console.log(`Wrote ${path.relative(process.cwd(), file)}`)
}

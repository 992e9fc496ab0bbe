// Writes app/catalogue/ids.generated.ts from the data files: run after adding or renaming an
// outcome or a service (`npm run catalogue:ids`).
import fs from 'node:fs'
import path from 'node:path'
import { idsModule } from '../app/catalogue/ids'
import { readCatalogue } from '../app/catalogue/load'

const { catalogue, problems } = readCatalogue()
if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
const file = path.join(__dirname, '../app/catalogue/ids.generated.ts')
fs.writeFileSync(file, idsModule(catalogue))
const services = Object.keys(catalogue.services).length
console.log(`Wrote ${path.relative(process.cwd(), file)}: ${catalogue.outcomes.length} outcomes, ${services} services`)

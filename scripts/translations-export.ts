// `npm run translations:export [file]`: writes every string as CSV for a translation unit —
// key, English, Welsh, the page states it is on, review status, reviewer, date and a note
// for the translator — to reports/translations/welsh.csv unless a file is named. Renders
// every registered page state in Welsh to find where each string appears.
import fs from 'node:fs'
import path from 'node:path'
import { formatCsv } from './translations/csv'
import { welshUsage } from './translations/pages'
import { COLUMNS, exportRows } from './translations/rows'

async function main() {
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'reports', 'translations', 'welsh.csv'))
  console.log('Rendering every page state in Welsh to find where each string appears…')
  const usage = await welshUsage()
  const rows = exportRows(usage)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, '\ufeff' + formatCsv([[...COLUMNS], ...rows]))
  const awaiting = rows.filter((r) => r[4] !== 'reviewed').length
  console.log(`${rows.length} strings from ${usage.size} page states, ${awaiting} not reviewed: ${file}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

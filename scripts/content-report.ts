// `npm run content:report [-- --today=YYYY-MM-DD]`: per service and nation, the provider, link,
// phones and figures with their sources and checked dates, flagging anything checked more than
// 12 months ago. For content reviews; it changes nothing.
import { CATALOGUE } from '../app/catalogue'
import { contentReport, questionFigures, reportText } from '../app/catalogue/report'
import { translator } from '../app/i18n/translate'

const arg = process.argv.find((a) => a.startsWith('--today='))
const today = arg ? new Date(`${arg.slice('--today='.length)}T00:00:00Z`) : new Date()
if (Number.isNaN(today.getTime())) {
  console.error('--today must be a date written YYYY-MM-DD')
  process.exit(2)
}
const t = translator('en')
console.log(`Content report for ${today.toISOString().slice(0, 10)}\n`)
console.log(reportText(contentReport(CATALOGUE, today), (id) => t(`catalogue.providers.${id}.name`)))
console.log(`\nFigures in questions:\n${questionFigures(CATALOGUE, today).join('\n')}`)

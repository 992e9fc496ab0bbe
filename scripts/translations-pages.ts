// `npm run translations:pages`: works out which page states hold only reviewed Welsh (for the
// auditors' index) and writes them to app/locales/review-status.json. translations:import
// runs it after recording reviews; run it alone after changing copy on a reviewed page.
import fs from 'node:fs'
import { readReviews, REVIEW_FILE } from '../app/i18n/review'
import { reviewedPages, welshUsage } from './translations/pages'

async function main() {
  const reviews = readReviews()
  const pages = Object.keys(reviews.strings).length ? reviewedPages(await welshUsage(), reviews) : []
  fs.writeFileSync(REVIEW_FILE, JSON.stringify({ ...reviews, pages }, null, 2) + '\n')
  console.log(`${pages.length} page states hold only reviewed Welsh.`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

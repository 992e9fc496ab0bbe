// `npm run translations:import <file> [--reviewer NAME] [--date YYYY-MM-DD]`: reads a
// translation file back (the CSV translations:export writes, reviewed). Refuses the whole
// file, writing nothing, if any row fails its checks; otherwise writes the changed Welsh,
// records reviewer and date for each row marked `reviewed`, and works out again which pages
// hold only reviewed Welsh.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { readReviews, REVIEW_FILE } from '../app/i18n/review'
import { readImport, writeWelsh } from './translations/import'

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

function main(): number {
  const file = process.argv[2]
  if (!file || file.startsWith('--')) {
    console.error('Usage: npm run translations:import -- <file.csv> [--reviewer NAME] [--date YYYY-MM-DD]')
    return 2
  }
  const today = new Date().toISOString().slice(0, 10)
  const result = readImport(fs.readFileSync(file, 'utf8'), readReviews(), {
    reviewer: option('reviewer'),
    date: option('date') ?? today,
  })
  if (result.errors.length) {
    for (const error of result.errors) console.error(error)
    console.error(`${result.errors.length} problems: nothing was imported.`)
    return 1
  }
  writeWelsh(result.changedWelsh)
  fs.writeFileSync(REVIEW_FILE, JSON.stringify({ ...result.reviews, pages: [] }, null, 2) + '\n')
  console.log(
    `${result.changedWelsh.size} Welsh strings changed; ${Object.keys(result.reviews.strings).length} strings now recorded as reviewed.`,
  )
  // A fresh process reads the copy just written: which pages hold only reviewed Welsh.
  const pages = spawnSync(
    process.execPath,
    [path.join(__dirname, 'run-ts.cjs'), path.join(__dirname, 'translations-pages.ts')],
    { stdio: 'inherit' },
  )
  return pages.status ?? 1
}

process.exitCode = main()

import fs from 'node:fs'
import path from 'node:path'
import { allMessages } from '../../app/i18n/locales'
import { fingerprint, type ReviewFile } from '../../app/i18n/review'
import { LOCALES_DIR } from '../../app/paths'
import { translationProblems } from './checks'
import { parseCsv } from './csv'
import { STATUS_TEXT } from './rows'

export interface ImportOptions {
  /** Reviewer for rows marked reviewed that name none. */
  reviewer?: string
  /** Date for rows marked reviewed that give none (ISO). */
  date: string
}

export interface ImportResult {
  /** One message per row that cannot be taken, with its line: nothing is written if any. */
  errors: string[]
  changedWelsh: Map<string, string>
  reviews: ReviewFile
}

const ISO = /^\d{4}-\d{2}-\d{2}$/
const STATUSES = new Set(Object.values(STATUS_TEXT))

/**
 * Reads a reviewed translation file against the copy as it is now. Every row is checked
 * first: the key must exist, its English must be the English as it is now (a row
 * translated from older English is refused), the Welsh must keep the English's
 * placeholders and markup, and a row marked `reviewed` needs a reviewer and a date. Rows
 * marked reviewed are recorded with their fingerprint; a Welsh change in a row not marked
 * reviewed undoes any earlier review of that string.
 */
export function readImport(csv: string, current: ReviewFile, options: ImportOptions): ImportResult {
  const { en, cy } = allMessages()
  const records = parseCsv(csv)
  const header = records.shift()?.fields ?? []
  const col = (name: string) => header.indexOf(name)
  const errors: string[] = []
  for (const name of ['key', 'english', 'welsh', 'status'])
    if (col(name) < 0) errors.push(`the file has no "${name}" column`)
  if (errors.length) return { errors, changedWelsh: new Map(), reviews: current }
  const strings = new Map(Object.entries(current.strings))
  const changedWelsh = new Map<string, string>()
  const seen = new Set<string>()
  for (const { line, fields } of records) {
    const get = (name: string) => (col(name) >= 0 ? (fields[col(name)] ?? '') : '').trim()
    const key = get('key')
    const welsh = col('welsh') >= 0 ? (fields[col('welsh')] ?? '') : ''
    const status = get('status')
    const where = `line ${line} (${key || 'no key'})`
    if (!cy.has(key)) {
      errors.push(`${where}: no such string`)
      continue
    }
    if (seen.has(key)) errors.push(`${where}: the string is in the file twice`)
    seen.add(key)
    const english = en.get(key) ?? ''
    if ((fields[col('english')] ?? '') !== english)
      errors.push(`${where}: the English has changed since this file was exported`)
    for (const problem of translationProblems(english, welsh)) errors.push(`${where}: ${problem}`)
    if (!STATUSES.has(status)) errors.push(`${where}: status must be one of ${[...STATUSES].join(', ')}`)
    if (welsh !== cy.get(key)) changedWelsh.set(key, welsh)
    if (status === STATUS_TEXT.reviewed) {
      const reviewer = get('reviewer') || options.reviewer || ''
      const date = get('reviewed_on') || options.date
      if (!reviewer) errors.push(`${where}: marked reviewed but names no reviewer (column reviewer, or --reviewer)`)
      if (!ISO.test(date)) errors.push(`${where}: the review date must be YYYY-MM-DD`)
      strings.set(key, { reviewer, date, fingerprint: fingerprint(english, welsh) })
    } else if (welsh !== cy.get(key)) {
      strings.delete(key)
    }
  }
  return { errors, changedWelsh, reviews: { ...current, strings: Object.fromEntries([...strings].sort()) } }
}

/** Writes changed Welsh into app/locales/cy/<namespace>.json, keeping each file's order. */
export function writeWelsh(changed: ReadonlyMap<string, string>, dir = LOCALES_DIR): void {
  const byFile = new Map<string, [string[], string][]>()
  for (const [key, welsh] of changed) {
    const [namespace, ...rest] = key.split('.')
    const file = path.join(dir, 'cy', `${namespace}.json`)
    byFile.set(file, [...(byFile.get(file) ?? []), [rest, welsh]])
  }
  for (const [file, entries] of byFile) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    for (const [parts, welsh] of entries) {
      let node = json
      for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>
      node[parts[parts.length - 1] as string] = welsh
    }
    fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n')
  }
}

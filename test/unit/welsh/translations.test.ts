import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { allMessages, loadMessages } from '../../../app/i18n/locales'
import { LOCALES_DIR } from '../../../app/paths'
import { fingerprint, reviewStatus, type ReviewFile } from '../../../app/i18n/review'
import { translationProblems } from '../../../scripts/translations/checks'
import { formatCsv, parseCsv } from '../../../scripts/translations/csv'
import { readImport, writeWelsh } from '../../../scripts/translations/import'
import { COLUMNS, exportRows, translatorNote } from '../../../scripts/translations/rows'

const { en, cy } = allMessages()
const none: ReviewFile = { _why: '', strings: {}, pages: [] }
const KEY = 'triage.plan.applyNowFor'
const english = en.get(KEY) as string
const welsh = cy.get(KEY) as string

/** A file as a translation unit sends it back: the export's columns, some rows edited. */
function file(rows: Partial<Record<(typeof COLUMNS)[number], string>>[]) {
  return formatCsv([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c] ?? ''))])
}

describe('CSV', () => {
  it('round-trips quotes, commas, new lines and Welsh letters', () => {
    const rows = [
      ['a', 'say "hi", then\nleave', 'ŵ ŷ â’r'],
      ['', 'x', ''],
    ]
    expect(parseCsv(formatCsv(rows)).map((r) => r.fields)).toEqual(rows)
  })
})

describe('export rows', () => {
  it('give every string with its English, Welsh, pages, status and a note', () => {
    const rows = exportRows(
      new Map([
        ['state/a', [KEY]],
        ['state/b', []],
      ]),
      none,
    )
    expect(rows).toHaveLength(cy.size)
    expect(rows.find((r) => r[0] === KEY)).toEqual([
      KEY,
      english,
      welsh,
      'state/a',
      'awaiting review',
      '',
      '',
      translatorNote(english),
    ])
    expect(translatorNote(english)).toContain('{service:soft}')
  })

  it('nothing is reviewed: nobody has reviewed any Welsh yet', () => {
    expect(exportRows(new Map(), undefined).filter((r) => r[4] !== 'awaiting review')).toEqual([])
  })
})

describe('placeholder and markup checks', () => {
  it('take a mutation marker as the same placeholder, and refuse a lost or invented one', () => {
    expect(translationProblems('for {service}', 'am {service:soft}')).toEqual([])
    expect(translationProblems('for {service}', 'am y gwasanaeth')).toEqual([
      'placeholders differ: English has service, Welsh has none',
    ])
    expect(translationProblems('for {service}', 'am {service:hard}')).toEqual([
      '{service:hard}: hard is not soft, nasal or aspirate',
    ])
  })

  it('take a link to the Welsh page of the same thing, but not a changed placeholder address', () => {
    expect(
      translationProblems(
        '<a class="govuk-link" href="https://www.gov.uk/call-charges">Costs</a>',
        '<a class="govuk-link" href="https://www.gov.uk/costau-galwadau">Costau</a>',
      ),
    ).toEqual([])
    expect(translationProblems('<a href="{href}">Go</a>', '<a href="/x">Ewch</a>')).toHaveLength(2)
  })

  it('refuse changed markup', () => {
    expect(translationProblems('<a class="govuk-link" href="{href}">Go</a>', '<a href="{href}">Ewch</a>')).toHaveLength(
      1,
    )
    expect(
      translationProblems('<a class="govuk-link" href="{href}">Go</a>', '<a class="govuk-link" href="{href}">Ewch</a>'),
    ).toEqual([])
  })
})

describe('import', () => {
  const options = { reviewer: 'Siân Jones', date: '2026-12-01' }

  it('records reviewer, date and fingerprint for a row marked reviewed', () => {
    const result = readImport(file([{ key: KEY, english, welsh, status: 'reviewed' }]), none, options)
    expect(result.errors).toEqual([])
    expect(result.reviews.strings[KEY]).toEqual({ ...options, fingerprint: fingerprint(english, welsh) })
    expect(reviewStatus(KEY, result.reviews)).toBe('reviewed')
    expect(result.changedWelsh.size).toBe(0)
  })

  it('takes the reviewer and date of the row before the defaults', () => {
    const row = { key: KEY, english, welsh, status: 'reviewed', reviewer: 'Aled', reviewed_on: '2026-11-02' }
    expect(readImport(file([row]), none, options).reviews.strings[KEY]).toMatchObject({
      reviewer: 'Aled',
      date: '2026-11-02',
    })
  })

  it('refuses the whole file when any row is wrong, naming the line', () => {
    const result = readImport(
      file([
        { key: KEY, english, welsh, status: 'reviewed' },
        { key: 'triage.plan.officialPageFor', english: 'about {service}', welsh: 'am y peth', status: 'reviewed' },
        { key: 'no.such.key', english: 'x', welsh: 'y', status: 'reviewed' },
      ]),
      none,
      options,
    )
    expect(result.errors).toEqual([
      'line 3 (triage.plan.officialPageFor): placeholders differ: English has service, Welsh has none',
      'line 4 (no.such.key): no such string',
    ])
  })

  it('refuses a row translated from English that has changed since', () => {
    const result = readImport(
      file([{ key: KEY, english: 'for the old {service}', welsh, status: 'reviewed' }]),
      none,
      options,
    )
    expect(result.errors).toEqual([`line 2 (${KEY}): the English has changed since this file was exported`])
  })

  it('needs a reviewer for a reviewed row', () => {
    const result = readImport(file([{ key: KEY, english, welsh, status: 'reviewed' }]), none, { date: '2026-12-01' })
    expect(result.errors[0]).toContain('names no reviewer')
  })

  it('writes changed Welsh, and a change not marked reviewed undoes an earlier review', () => {
    const reviewed = readImport(file([{ key: KEY, english, welsh, status: 'reviewed' }]), none, options).reviews
    const changed = readImport(
      file([{ key: KEY, english, welsh: 'ar gyfer {service:soft}', status: 'awaiting review' }]),
      reviewed,
      options,
    )
    expect(changed.errors).toEqual([])
    expect(changed.changedWelsh.get(KEY)).toBe('ar gyfer {service:soft}')
    expect(changed.reviews.strings[KEY]).toBeUndefined()
  })

  it('a reviewed string whose Welsh changes later is no longer reviewed', () => {
    const stale: ReviewFile = { ...none, strings: { [KEY]: { ...options, fingerprint: fingerprint(english, 'hen') } } }
    expect(reviewStatus(KEY, stale)).toBe('changed-since-review')
  })
})

describe('writing the Welsh back', () => {
  it('changes only the imported strings, keeping each file as it was written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locales-'))
    fs.cpSync(LOCALES_DIR, dir, { recursive: true })
    writeWelsh(new Map([[KEY, 'ar gyfer {service:soft}']]), dir)
    const after = loadMessages('cy', dir)
    expect(after.get(KEY)).toBe('ar gyfer {service:soft}')
    expect([...after].filter(([k, v]) => k !== KEY && cy.get(k) !== v)).toEqual([])
    const file = (d: string) => fs.readFileSync(path.join(d, 'cy', 'triage.json'), 'utf8')
    expect(file(dir).replace('ar gyfer {service:soft}', welsh)).toBe(file(LOCALES_DIR))
    fs.rmSync(dir, { recursive: true })
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CATALOGUE } from '../../../app/catalogue'
import { idsModule } from '../../../app/catalogue/ids'
import { SERVICE_IDS, type ServiceId } from '../../../app/catalogue/ids.generated'
import { readCatalogue } from '../../../app/catalogue/load'

/** A data folder holding the real files plus `changes` (path → text, or null to delete). */
function dataWith(changes: Record<string, string | null>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'))
  fs.cpSync(path.join(__dirname, '../../../app/catalogue/data'), dir, { recursive: true })
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) fs.rmSync(path.join(dir, file))
    else fs.writeFileSync(path.join(dir, file), text)
  }
  return dir
}

const service = (variant: string) =>
  `variants:\n  uk:\n    nations: [ england, wales, scotland, northern-ireland ]\n${variant}`

describe('the catalogue data files', () => {
  it('load with no problems', () => {
    expect(readCatalogue().problems).toEqual([])
    expect(CATALOGUE.outcomes.map((o) => o.id)).toEqual(['work-in-care', 'child-support', 'bereavement', 'caring'])
  })

  it('agree with the generated id lists (run `npm run catalogue:ids` after adding an outcome or a service)', () => {
    const file = path.join(__dirname, '../../../app/catalogue/ids.generated.ts')
    expect(fs.readFileSync(file, 'utf8')).toBe(idsModule(CATALOGUE))
    // Code can name a service only by an id the data has.
    const ids: readonly ServiceId[] = SERVICE_IDS
    expect(Object.keys(CATALOGUE.services).sort()).toEqual([...ids])
  })

  it('name the file and line of a YAML slip', () => {
    const dir = dataWith({ 'services/pip.yaml': 'variants:\n  uk:\n    nations: [ england\n' })
    expect(readCatalogue(dir).problems).toEqual([
      expect.stringMatching(/services\/pip\.yaml: line \d+: is not valid YAML/),
    ])
  })

  it('name the file and field of a service with no phone decision, and of a figure with no tax year', () => {
    const dir = dataWith({
      'services/pip.yaml': service('    provider: dwp\n    url: https://www.gov.uk/pip\n    checked: 2026-11-30\n'),
      'services/carers-credit.yaml': service(
        '    provider: dwp\n    url: https://www.gov.uk/carers-credit\n    phones: none\n    checked: 2026-11-30\n' +
          '    figures:\n      hours: { amount: 20, unit: number, source: https://www.gov.uk/carers-credit, checked: 2026-11-30 }\n',
      ),
    })
    const problems = readCatalogue(dir).problems
    expect(problems).toContainEqual(expect.stringMatching(/services\/pip\.yaml: variants\.uk\.phones: /))
    expect(problems).toContainEqual(
      expect.stringMatching(/services\/carers-credit\.yaml: variants\.uk\.figures\.hours\.taxYear: /),
    )
    expect(problems).toHaveLength(2)
  })

  it('refuse a link that is not https, a date that is not real and a tax year that is not two years in a row', () => {
    const dir = dataWith({
      'services/pip.yaml': service(
        '    provider: dwp\n    url: http://www.gov.uk/pip\n    phones: none\n    checked: 2026-02-30\n' +
          '    figures:\n      rate: { amount: 1, unit: money, taxYear: 2026/28, source: https://www.gov.uk/pip, checked: 2026-11-30 }\n',
      ),
    })
    const problems = readCatalogue(dir).problems.join('\n')
    expect(problems).toMatch(/variants\.uk\.url: /)
    expect(problems).toMatch(/variants\.uk\.checked: must be a real date/)
    expect(problems).toMatch(/taxYear: must be two years in a row/)
  })

  it('refuse a field nobody reads, so a typo never passes silently', () => {
    const dir = dataWith({
      'services/pip.yaml': service(
        '    provider: dwp\n    url: https://www.gov.uk/pip\n    phones: none\n    checked: 2026-11-30\n    phone: 0800 000 0000\n',
      ),
    })
    expect(readCatalogue(dir).problems).toEqual([
      expect.stringMatching(/services\/pip\.yaml: variants\.uk: Unrecognized key: "phone"/),
    ])
  })

  it('refuse a note naming the same variant twice', () => {
    const file = path.join(__dirname, '../../../app/catalogue/data/outcomes/bereavement.yaml')
    const text = fs.readFileSync(file, 'utf8').replace('variants: [ gb ]', 'variants: [ gb, gb ]')
    const problems = readCatalogue(dataWith({ 'outcomes/bereavement.yaml': text })).problems
    expect(problems).toEqual([
      expect.stringMatching(/outcomes\/bereavement\.yaml: .*notes\.0\.variants: names a variant twice/),
    ])
  })
})

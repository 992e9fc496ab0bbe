import { registry } from '../../../app/a11y/registry'
import { readReviews, reviewStatus } from '../../../app/i18n/review'
import { copyUsage } from '../../../scripts/translations/usage'
import { createTestApp, type TestApp } from '../../helpers/app'
import { englishOn } from '../../helpers/english-copy'
import { readerText } from '../../helpers/pages/reader-text'
import { unknownWelsh } from '../../helpers/welsh/spelling'
import { renderWelshStates, type WelshPage } from '../../helpers/welsh/states'

// Every registered page state (registry: foundation, triage, applications, staff), in Welsh,
// rendered once and checked three ways. Run alone: npm run test:welsh
const states = registry().states
let t: TestApp
const pages = new Map<string, WelshPage>()

beforeAll(
  async () => {
    t = await createTestApp()
    for (const page of await renderWelshStates(t, states)) pages.set(page.state.id, page)
  },
  10 * 60 * 1000,
)
afterAll(() => t.close())

const page = (id: string) => pages.get(id) as WelshPage

describe.each(states.map((s) => [s.id] as const))('%s in Welsh', (id) => {
  it('is served in Welsh with the status it is registered with', () => {
    expect(page(id).status).toBe(page(id).state.expectStatus)
    expect(page(id).html).toContain('<html lang="cy"')
  })

  it('is spelt as Welsh: every word is in the Welsh dictionary or the project’s word list', () => {
    const { text } = readerText(page(id).html)
    expect({ page: id, unknownWords: unknownWelsh(text, page(id).typed) }).toEqual({ page: id, unknownWords: [] })
  })

  it('shows no English', () => {
    expect({ page: id, english: englishOn(page(id).html) }).toEqual({ page: id, english: [] })
  })
})

describe('values slotted into Welsh sentences read mutated on the page', () => {
  it('the hidden text of a plan’s Details and links: “am Gofrestru”, never “am Cofrestru”', () => {
    const { text } = readerText(page('triage/work-in-care/plan/welsh-domiciliary-employee').html)
    expect(text).toContain('Cost, amseru a rhesymau am Gofrestru fel gweithiwr gofal cymdeithasol yng Nghymru')
    expect(text).toContain('Canllawiau swyddogol am Gael gwiriad DBS manwl drwy eich cyflogwr')
    expect(text).not.toContain('am Cofrestru')
  })

  it('the organisation after “gan” in every footer', () => {
    expect(readerText(page('foundation/cookies').html).text).toContain('yn cael ei redeg gan Borth dinasyddion')
  })
})

describe('the auditors’ index marks as reviewed only pages whose Welsh is all reviewed', () => {
  it('every page listed as reviewed still shows only reviewed Welsh (else: npm run translations:pages)', () => {
    const reviews = readReviews()
    const listed = reviews.pages.flatMap((id) => (pages.has(id) ? [page(id)] : []))
    const stale = [...copyUsage(listed)].flatMap(([id, keys]) =>
      keys.filter((k) => reviewStatus(k, reviews) !== 'reviewed').map((k) => `${id}: ${k}`),
    )
    expect(stale).toEqual([])
  })
})

import { Browserish, type TestApp } from '../../helpers/app'
import { applicationsApp } from './harness'

const APP = '/apply/dbs-basic'
const backHref = (html: string) => /<a [^>]*class="govuk-back-link"[^>]*>/.exec(html)?.[0].match(/href="([^"]*)"/)?.[1]

/** A back link goes where the citizen came from: the page before, not the task list. */
describe('back links on application question pages', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
  })
  afterAll(() => t.close())

  it('go to the previous page of the section, skipping pages the answers do not ask, and the task list from its first', async () => {
    const citizen = new Browserish(t.app)
    expect(backHref((await citizen.get(`${APP}/name`)).text)).toBe(`${APP}/task-list`)
    expect(backHref((await citizen.get(`${APP}/other-names`)).text)).toBe(`${APP}/name`)
    await citizen.post(`${APP}/other-names`, { otherNamesKnown: 'no', action: 'continue' }, `${APP}/other-names`)
    expect(backHref((await citizen.get(`${APP}/date-of-birth`)).text)).toBe(`${APP}/other-names`)
    await citizen.post(`${APP}/other-names`, { otherNamesKnown: 'yes', action: 'continue' }, `${APP}/other-names`)
    expect(backHref((await citizen.get(`${APP}/date-of-birth`)).text)).toBe(`${APP}/other-names-list`)
    expect(backHref((await citizen.get(`${APP}/email`)).text)).toBe(`${APP}/task-list`)
  })

  it('go to the page before an add-another list when it has no items yet, and back to check answers when changing', async () => {
    const citizen = new Browserish(t.app)
    await citizen.post(`${APP}/five-years`, { livedFiveYears: 'no', action: 'continue' }, `${APP}/five-years`)
    expect(backHref((await citizen.get(`${APP}/previous-addresses/1`)).text)).toBe(`${APP}/five-years`)
    expect(backHref((await citizen.get(`${APP}/phone?change=1`)).text)).toBe(`${APP}/check-answers`)
  })

  it('are on the rendered page as a govuk-frontend back link', async () => {
    const page = await new Browserish(t.app).get(`${APP}/phone`)
    expect(page.text).toContain(`<a href="${APP}/email" class="govuk-back-link">`)
  })
})

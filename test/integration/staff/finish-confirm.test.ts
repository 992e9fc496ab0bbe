import { createTestApp, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'

describe('“Finish and clear” asks before clearing', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(async () => {
    await t.close()
  })

  it('the banner’s button opens a question; only confirming clears the citizen', async () => {
    const { client } = await signedInClient(t, 'adviser')
    await client.post('/staff/start', { channel: 'phone', consent: 'yes' }, '/staff/start')
    const page = await client.get('/')
    expect(page.text).toMatch(/<a href="\/staff\/finish"[^>]*class="govuk-button govuk-button--warning/)
    const question = await client.get('/staff/finish')
    expect(question.status).toBe(200)
    expect(question.text).toContain('Finish and clear?')
    // Asking cleared nothing: the citizen pages still show the banner.
    expect((await client.get('/')).text).toContain('Finish and clear')
    const done = await client.post('/staff/finish', {}, '/staff/finish')
    expect(done.headers.location).toBe('/staff')
    expect((await client.follow(done)).text).toContain('You have finished helping')
    expect((await client.get('/')).text).not.toContain('Finish and clear')
    // With nobody being helped, the question is not asked.
    expect((await client.get('/staff/finish')).headers.location).toBe('/staff')
  })
})

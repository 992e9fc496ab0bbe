import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { englishOn } from '../../helpers/english-copy'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('pages in Welsh', () => {
  it.each(['/', '/cookies', '/privacy', '/contact', '/accessibility-statement', '/no-such-page'])(
    '%s shows no English copy once Welsh is chosen',
    async (path) => {
      const browser = new Browserish(t.app)
      await browser.get('/?lang=cy')
      const res = await browser.get(path)
      expect(res.text).toContain('<html lang="cy"')
      expect(englishOn(res.text)).toEqual([])
    },
  )

  it('the checker finds English when it is there', async () => {
    const res = await new Browserish(t.app).get('/cookies?lang=en')
    expect(englishOn(res.text)).toEqual(expect.arrayContaining(['Skip to main content', 'Cookies']))
  })
})

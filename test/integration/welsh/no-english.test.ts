import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { englishOn } from '../../helpers/english-copy'

// Every registered Welsh state is checked for English in every-state.test.ts; this proves
// the checker sees English on a real page, so a silent checker cannot pass it.
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('the English checker on real pages', () => {
  it('finds English on the English cookies page: chrome, title and copy', async () => {
    const res = await new Browserish(t.app).get('/cookies?lang=en')
    expect(englishOn(res.text)).toEqual(expect.arrayContaining(['Skip to main content', 'Cookies', 'Support links']))
  })

  it('finds nothing on the same page in Welsh', async () => {
    const res = await new Browserish(t.app).get('/cookies?lang=cy')
    expect(englishOn(res.text)).toEqual([])
  })
})

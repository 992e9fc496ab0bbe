import { outcomeById } from '../../helpers/triage'
import { formFor } from '../../../app/triage/page-states'
import { personaById } from '../../helpers/personas'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { englishOn } from '../../helpers/english-copy'
import { expectedPlanPage, readPlanPage } from '../../helpers/persona-plan'

let testApp: TestApp
beforeAll(async () => {
  testApp = await createTestApp()
})
afterAll(() => testApp.close())

/** The page's own content and title: the header and footer belong to the layout, checked elsewhere. */
const mainOf = (html: string) =>
  `${/<title>[\s\S]*?<\/title>/.exec(html)?.[0] ?? ''}${html.slice(html.indexOf('<main'), html.indexOf('</main>'))}`
// Source titles are given in Welsh too (a source's titleCy), so nothing on the page is set apart.
const english = (html: string) => englishOn(mainOf(html))

const journeys = [
  'welsh-domiciliary-employee',
  'welsh-single-parent-on-uc',
  'young-widow-with-children',
  'sco-school-pupil-carer',
]

describe('triage in Welsh', () => {
  it('the start page and a search show no English', async () => {
    const browser = new Browserish(testApp.app)
    await browser.get('/?lang=cy')
    expect(english((await browser.get('/')).text)).toEqual([])
    expect(english((await browser.get('/?q=gofal')).text)).toEqual([])
  })

  it.each(journeys)('%s: every question, its error and the plan show no English', async (id) => {
    const persona = personaById(id)
    const outcome = outcomeById(persona.outcome)
    const browser = new Browserish(testApp.app)
    await browser.get('/?lang=cy')
    let res = await browser.follow(await browser.get(`/outcomes/${outcome.id}`))
    for (let guard = 0; guard < 15; guard++) {
      const path = new URL(res.request.url).pathname
      expect(english(res.text)).toEqual([])
      if (path.endsWith('/plan')) {
        // In Welsh too, exactly the persona's own expected plan.
        expect(readPlanPage(res.text)).toEqual(expectedPlanPage(persona, 'cy'))
        return
      }
      const question = outcome.questions.find((q) => path.endsWith(`/${q.id}`))
      const answer = question && persona.answers[question.id]
      if (!question || answer === undefined) throw new Error(`Unexpected page ${path}`)
      const error = await browser.post(path, {})
      expect(error.status).toBe(400)
      expect(english(error.text)).toEqual([])
      res = await browser.follow(await browser.post(path, formFor(question, answer)))
    }
    throw new Error('Never reached the plan')
  })
})

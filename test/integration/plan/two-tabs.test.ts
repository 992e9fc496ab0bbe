import { Browserish, createTestApp, type TestApp } from '../../helpers/app'

// Two tabs of one browser share its cookies: one Browserish is both tabs, and what tells them
// apart is what each tab's warning sends at its limit — how long it has been idle.
let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_MINUTES: '20' })
})
afterAll(() => t.close())

const question = '/outcomes/work-in-care/nation'
const minutes = (n: number) => n * 60_000

async function answered() {
  const browser = new Browserish(t.app)
  await browser.get(question)
  expect((await browser.post(question, { answer: 'wales' })).status).toBe(303)
  return browser
}

/** What a tab's warning sends when its countdown reaches the limit. */
const timeoutForm = (idleMs: number) => ({ reason: 'timeout', idleFor: String(idleMs), returnTo: question })

describe('timeouts across tabs: the server decides from its own record of the last use', () => {
  it('a stale tab reaching its limit does not end a session another tab used since', async () => {
    const tabs = await answered()
    // Tab A last talked to the server now. Ten minutes on, the citizen uses tab B.
    t.clock.advanceMinutes(10)
    expect((await tabs.get('/outcomes/work-in-care/who-you-support')).status).toBe(200)
    // Ten more minutes on, tab A's countdown (from its own page) ends.
    t.clock.advanceMinutes(10)
    const res = await tabs.post('/session/delete', timeoutForm(minutes(20)))
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe(question)
    const page = await tabs.follow(res)
    expect(page.text).toMatch(/value="wales" checked/)
  })

  it('a tab that was the last to be used still ends the session at its limit', async () => {
    const tab = await answered()
    t.clock.advance(minutes(20) - 1000)
    const res = await tab.post('/session/delete', timeoutForm(minutes(20) - 1000))
    expect(res.headers.location).toBe('/session/timed-out?lang=en')
    expect((await tab.follow(res)).text).toContain('Your answers have been deleted')
    expect((await tab.get(question)).text).not.toMatch(/value="wales" checked/)
  })

  it('"Delete my answers" by choice is never second-guessed', async () => {
    const tabs = await answered()
    t.clock.advanceMinutes(5)
    await tabs.get(question)
    const res = await tabs.post('/session/delete', { reason: 'choice', idleFor: String(minutes(10)) })
    expect(res.headers.location).toMatch(/^\/session\/deleted\?/)
  })

  it('a form sent from a tab after another tab deleted the answers never says "Nothing was changed"', async () => {
    const tabs = await answered()
    // Tab B deletes the answers; tab A still shows the question, with its form and token.
    const tabA = await tabs.get(question)
    await tabs.post('/session/delete', { reason: 'choice' })
    const sent = await tabs.agent
      .post(question)
      .type('form')
      .send(`answer=england&_csrf=${/name="_csrf" value="([^"]+)"/.exec(tabA.text)?.[1] ?? ''}`)
    expect(sent.status).toBe(403)
    expect(sent.text).toContain('Sorry, your answers are no longer here')
    expect(sent.text).not.toContain('Nothing was changed')
    const cy = await tabs.agent.post(`${question}?lang=cy`).type('form').send('answer=england&_csrf=x')
    expect(cy.text).not.toContain('Nothing was changed')
  })

  it('a form sent while the session holds answers, with a stale token, keeps the old message', async () => {
    const tabs = await answered()
    const sent = await tabs.agent.post(question).type('form').send('answer=england&_csrf=stale')
    expect(sent.status).toBe(403)
    expect(sent.text).toContain('Sorry, we could not save that')
  })
})

import type { Persona } from '../../../app/triage/personas'
import type { Browserish } from '../../helpers/app'

/**
 * Walks a persona's outcome from its first question to the plan through HTTP, the way a
 * browser would, and returns the HTML of every page seen on the way (questions and plan).
 */
export async function completeOutcome(client: Browserish, persona: Persona): Promise<{ url: string; html: string }[]> {
  const pages: { url: string; html: string }[] = []
  let url = `/outcomes/${persona.outcome}`
  for (let step = 0; step < 40; step++) {
    let res = await client.get(url)
    while (res.status >= 300 && res.status < 400) {
      url = res.headers.location ?? '/'
      res = await client.get(url)
    }
    pages.push({ url, html: res.text })
    if (url.endsWith('/plan')) return pages
    const question = url.split('/').pop() ?? ''
    const answer = persona.answers[question]
    if (answer === undefined) throw new Error(`persona ${persona.id} has no answer for ${question}`)
    const form: Record<string, string | readonly string[]> = {}
    if (typeof answer === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(answer)) {
      const [y, m, d] = answer.split('-')
      Object.assign(form, { 'answer-day': d, 'answer-month': m, 'answer-year': y })
    } else form.answer = answer
    const posted = await client.post(url, form)
    if (posted.status !== 303 && posted.status !== 302)
      throw new Error(`answer to ${question} refused: ${posted.status}`)
    url = posted.headers.location ?? '/'
  }
  throw new Error('outcome did not reach a plan')
}

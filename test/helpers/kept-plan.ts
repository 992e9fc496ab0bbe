import { outcomeById } from '../../app/catalogue'
import { answerSteps } from '../../app/triage/page-states'
import { PERSONA_DAY, type Persona } from '../../app/triage/personas'
import type { Db } from '../../app/store/db'
import type { Browserish } from './app'

/** Answers a persona's questions as a citizen does and opens the plan, in `lang`. */
export async function toPersonaPlan(browser: Browserish, persona: Persona, lang = 'en') {
  for (const step of answerSteps(outcomeById(persona.outcome), persona.answers, PERSONA_DAY)) {
    if ('get' in step) await browser.get(step.get)
    else if ((await browser.post(step.post, step.form)).status !== 303) throw new Error(`${step.post} refused`)
  }
  return browser.get(`/outcomes/${persona.outcome}/plan?lang=${lang}`)
}

/**
 * "Email me this plan" from a browser at the persona's finished plan; returns the response and
 * the emailed link (read from the outbox as the email would be): its path, path and query, token.
 */
export async function keepByEmail(db: Db, browser: Browserish, persona: Persona, email: string, lang = 'en') {
  const plan = `/outcomes/${persona.outcome}/plan`
  await toPersonaPlan(browser, persona, lang)
  const sent = await browser.post(`${plan}/email`, { email }, `${plan}/email`)
  const rows = await db.all<{ personalisation: string }>(
    "SELECT personalisation FROM outbox WHERE template = 'plan-kept' AND recipient = $1 ORDER BY created_at",
    [email],
  )
  const link = new URL((JSON.parse(rows.at(-1)?.personalisation ?? '{}') as { link: string }).link)
  return {
    sent,
    path: link.pathname,
    url: `${link.pathname}${link.search}`,
    token: link.pathname.split('/').pop() ?? '',
  }
}

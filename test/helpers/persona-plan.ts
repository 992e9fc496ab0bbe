import { CATALOGUE, outcomeById } from '../../app/catalogue'
import type { Locale } from '../../app/i18n/locales'
import { translator } from '../../app/i18n/translate'
import { keys } from '../../app/triage/copy-keys'
import { figureVars } from '../../app/triage/figures'
import type { Persona } from '../../app/triage/personas'

/** A service card as a citizen reads it: its name, and whether it says "You may be able to get this". */
export interface CardSeen {
  name: string
  may: boolean
}

/** A plan page as a citizen reads it: the steps in order with their cards, and what is left out. */
export interface PlanSeen {
  steps: { title: string; services: CardSeen[] }[]
  /** Names under "Services not included and why", sorted (the page's order carries no meaning). */
  notShown: string[]
}

const ENTRY = /^([^/\s]+)\/(\S+?)( \(may\))?$/

function parseEntry(persona: Persona, entry: string) {
  const match = ENTRY.exec(entry)
  if (!match) throw new Error(`Persona ${persona.id}: "${entry}" is not "step/service" or "step/service (may)"`)
  return { step: match[1] as string, service: match[2] as string, may: Boolean(match[3]) }
}

/**
 * What a persona's plan page must show, read from the persona's OWN expected plan (written
 * from the official rules, app/triage/personas) and the catalogue's copy: never from the
 * engine, so a wrong rule shows up as a wrong page. Shown: `persona.plan`, grouped into
 * steps in its order. Not shown: every other service the outcome has.
 */
export function expectedPlanPage(persona: Persona, locale: Locale = 'en'): PlanSeen {
  const t = translator(locale)
  const outcome = outcomeById(persona.outcome)
  const name = (id: string) => {
    const service = CATALOGUE.services[id]
    if (!service) throw new Error(`Persona ${persona.id} names service "${id}", which the catalogue does not have`)
    return t(keys.service(id).name, figureVars(service.figures, locale))
  }
  const entries = persona.plan.map((entry) => parseEntry(persona, entry))
  const steps: PlanSeen['steps'] = []
  let current: string | undefined
  for (const entry of entries) {
    if (entry.step !== current) {
      steps.push({ title: t(keys.step(outcome.id, entry.step)), services: [] })
      current = entry.step
    }
    steps.at(-1)?.services.push({ name: name(entry.service), may: entry.may })
  }
  const shown = new Set(entries.map((e) => `${e.step}/${e.service}`))
  const notShown = outcome.services.filter((p) => !shown.has(`${p.step}/${p.service}`)).map((p) => name(p.service))
  return { steps, notShown: notShown.sort() }
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()

const between = (html: string, start: string, end: string): string => {
  const from = html.indexOf(start)
  if (from < 0) return ''
  const to = html.indexOf(end, from + start.length)
  return html.slice(from + start.length, to < 0 ? undefined : to)
}

/**
 * Reads a plan page served over HTTP the way a citizen reads it: each numbered step's
 * heading and the cards under it (with the "may" tag), and the names of the services left
 * out. Tied to views/triage/plan.njk's classes (app-plan-steps, app-plan-step, app-plan-omitted).
 */
export function readPlanPage(html: string): PlanSeen {
  const list = between(html, 'class="govuk-list govuk-list--number app-plan-steps">', '</ol>')
  const steps = list
    .split('<li class="app-plan-step">')
    .slice(1)
    .map((chunk) => ({
      title: decode(/<h2 class="govuk-heading-m">([\s\S]*?)<\/h2>/.exec(chunk)?.[1] ?? ''),
      services: chunk
        .split('class="govuk-summary-card__title">')
        .slice(1)
        .map((card) => ({
          name: decode(card.slice(0, card.indexOf('</h3>'))),
          may: card.includes('govuk-tag--yellow'),
        })),
    }))
  const omitted = between(html, 'app-plan-omitted', '</dl>')
  const notShown = [...omitted.matchAll(/<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>/g)].map((m) =>
    decode(m[1] ?? ''),
  )
  return { steps, notShown: notShown.sort() }
}

import { CATALOGUE, outcomeById } from '../../app/catalogue'
import { NATIONS } from '../../app/catalogue/schema'
import type { Nation } from '../../app/catalogue/types'
import type { Locale } from '../../app/i18n/locales'
import { hasCopy, translator } from '../../app/i18n/translate'
import { keys } from '../../app/triage/copy-keys'
import { figureVars } from '../../app/triage/figures'
import { nationPrefixes } from '../../app/triage/plan'
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

/** A persona plan line read back: its step and services (a choice's options in turn), each maybe "may". */
function parseEntry(persona: Persona, entry: string) {
  const slash = entry.indexOf('/')
  if (slash < 1) throw new Error(`Persona ${persona.id}: "${entry}" is not "step/service"`)
  const body = entry.slice(slash + 1).replace(/^one of: /, '')
  const services = body.split(' | ').map((part) => {
    const may = part.endsWith(' (may)')
    const [id = '', variant] = part.replace(/ \(may\)$/, '').split('@')
    return { id, variant, may }
  })
  return { step: entry.slice(0, slash), services }
}

/**
 * The nation a service is delivered in for this persona: the first of its placement's
 * `nationFrom` prefixes (such as where the death happened) that an answer the persona gave sets,
 * else where the persona lives. Read from the outcome's data and the persona's answers, not the
 * engine's derivations: a derived prefix (`carer-council`) is set by no answer, so it is passed
 * over, and a persona whose plan depends on it names the variant in its plan line.
 */
function nationFor(persona: Persona, id: string): Nation {
  const outcome = outcomeById(persona.outcome)
  const placement = outcome.services.find((p) => p.service === id)
  for (const prefix of placement ? nationPrefixes(placement) : [])
    for (const question of outcome.questions) {
      if (question.kind === 'date') continue
      const option = question.options.find((o) => o.value === persona.answers[question.id])
      const nation = NATIONS.find((n) => option?.sets?.includes(`${prefix}:${n}`))
      if (nation) return nation
    }
  return persona.nation
}

/**
 * A service's name as its card or the "not included" list shows it: the variant's own name where
 * it has one — the variant the plan line names, else the one for the persona's nation.
 */
function nameOf(persona: Persona, id: string, variant: string | undefined, locale: Locale): string {
  const t = translator(locale)
  const service = CATALOGUE.services[id]
  if (!service) throw new Error(`Persona ${persona.id} names service "${id}", which the catalogue does not have`)
  const nation = nationFor(persona, id)
  const here = Object.entries(service.variants).find(([, v]) => v.nations.includes(nation))?.[0]
  const variantId = variant ?? here ?? Object.keys(service.variants)[0] ?? ''
  const own = keys.variant(id, variantId, 'name')
  const vars = figureVars(service.variants[variantId]?.figures, locale)
  return t(hasCopy(own) ? own : keys.service(id).name, vars)
}

/**
 * The services a persona's plan page lists as not included: the persona's own list where it
 * has one; otherwise every other service of the outcome that exists where the persona is
 * (or that is listed as unavailable there) — a service of another nation is not mentioned.
 */
function notShownOf(persona: Persona, shown: ReadonlySet<string>): string[] {
  if (persona.notIncluded) return persona.notIncluded.map((e) => e.service)
  const outcome = outcomeById(persona.outcome)
  return outcome.services
    .map((p) => p.service)
    .filter((id) => !shown.has(id))
    .filter((id) => {
      const service = CATALOGUE.services[id]
      const offered = Object.values(service?.variants ?? {}).some((v) => v.nations.includes(persona.nation))
      return offered || Boolean(service?.unavailable?.includes(persona.nation))
    })
}

/**
 * What a persona's plan page must show, read from the persona's OWN expected plan (written
 * from the official rules, app/catalogue/data/personas) and the catalogue's copy: never from
 * the engine, so a wrong rule shows up as a wrong page. Shown: `persona.plan`, grouped into
 * steps in its order, a choice's options in turn. Not shown: see `notShownOf`.
 */
export function expectedPlanPage(persona: Persona, locale: Locale = 'en'): PlanSeen {
  const t = translator(locale)
  const outcome = outcomeById(persona.outcome)
  const entries = persona.plan.map((entry) => parseEntry(persona, entry))
  const steps: PlanSeen['steps'] = []
  let current: string | undefined
  for (const entry of entries) {
    if (entry.step !== current) {
      steps.push({ title: t(keys.step(outcome.id, entry.step)), services: [] })
      current = entry.step
    }
    for (const s of entry.services)
      steps.at(-1)?.services.push({ name: nameOf(persona, s.id, s.variant, locale), may: s.may })
  }
  const shown = new Set(entries.flatMap((e) => e.services.map((s) => s.id)))
  const notShown = notShownOf(persona, shown).map((id) => nameOf(persona, id, undefined, locale))
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
 * Reads a plan page served over HTTP the way a citizen reads it: each step's title and the
 * things to do under it (with the "may" tag), and the names of the services left out. Tied
 * to views/triage/plan.njk's classes (app-plan-steps, app-plan-step, app-plan-step__title,
 * app-plan-task, app-plan-omitted).
 */
export function readPlanPage(html: string): PlanSeen {
  const list = between(html, 'class="govuk-list app-plan-steps">', '</ol>')
  const steps = list
    .split('<li class="app-plan-step">')
    .slice(1)
    .map((chunk) => ({
      title: decode(/<span class="app-plan-step__title">([\s\S]*?)<\/span>/.exec(chunk)?.[1] ?? ''),
      services: chunk
        .split('class="app-plan-task"')
        .slice(1)
        .map((task) => ({
          // A choice's options are one heading level down (h4).
          name: decode(/<h[34][^>]*>([\s\S]*?)<\/h[34]>/.exec(task)?.[1] ?? ''),
          may: task.slice(0, task.indexOf('govuk-details')).includes('govuk-tag--yellow'),
        })),
    }))
  const omitted = between(html, 'app-plan-omitted', '</dl>')
  const notShown = [...omitted.matchAll(/<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>/g)].map((m) =>
    decode(m[1] ?? ''),
  )
  return { steps, notShown: notShown.sort() }
}

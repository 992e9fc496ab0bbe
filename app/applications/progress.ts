import type { Application, Page, Section } from './definition'
import { isItems, type Answers } from './answers'
import { factFor, holds } from '../rules/holds'
import { allPages } from './registry'

/**
 * The task-list state machine, pure: which pages apply given the answers, which are done,
 * which comes next. Facts are `<field-in-kebab-case>:<value>` for every choice answered, so a page's
 * `askIf` reads the answers themselves (prefilled ones included).
 */
export type SectionStatus = 'completed' | 'in-progress' | 'not-started'

export function factsOf(answers: Answers): Set<string> {
  const facts = new Set<string>()
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value === 'string') facts.add(factFor(key, value))
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') facts.add(factFor(key, v))
  }
  return facts
}

export function applies(page: Page, answers: Answers): boolean {
  return !page.askIf || holds(page.askIf, factsOf(answers))
}

export function isPageComplete(page: Page, answers: Answers): boolean {
  if (page.kind === 'addAnother') {
    const items = answers[page.field]
    return isItems(items) && items.length >= Math.max(1, page.min)
  }
  return page.fields.every((f) => f.optional || answers[f.id] !== undefined)
}

/** A page whose every field came from the triage is never shown: "tell us once". */
export function isPrefilled(page: Page, prefilled: ReadonlySet<string>): boolean {
  return page.kind !== 'addAnother' && page.fields.every((f) => prefilled.has(f.id))
}

/** Whether a page has been answered at all (an optional field left blank counts once visited). */
function touched(page: Page, answers: Answers, visited: ReadonlySet<string>): boolean {
  if (visited.has(page.id)) return true
  if (page.kind === 'addAnother') return answers[page.field] !== undefined
  return page.fields.some((f) => answers[f.id] !== undefined)
}

export function applicablePages(app: Application, answers: Answers): Page[] {
  return allPages(app).filter((p) => applies(p, answers))
}

export function sectionStatus(section: Section, answers: Answers, visited: ReadonlySet<string>): SectionStatus {
  const pages = section.pages.filter((p) => applies(p, answers))
  const done = pages.filter((p) => isPageComplete(p, answers) && touched(p, answers, visited))
  if (done.length === pages.length) return 'completed'
  return pages.some((p) => touched(p, answers, visited)) ? 'in-progress' : 'not-started'
}

/** The first applicable page still needing an answer, in definition order. */
export function firstIncomplete(
  app: Application,
  answers: Answers,
  visited: ReadonlySet<string>,
  prefilled: ReadonlySet<string>,
): Page | undefined {
  return applicablePages(app, answers).find(
    (p) => !isPrefilled(p, prefilled) && !(isPageComplete(p, answers) && touched(p, answers, visited)),
  )
}

/** The page after `pageId` in its own section that applies and is not prefilled; none → back to the task list. */
export function nextInSection(
  app: Application,
  pageId: string,
  answers: Answers,
  prefilled: ReadonlySet<string>,
): Page | undefined {
  return neighbourInSection(app, pageId, answers, prefilled, 'after')
}

/** The first page of a section to show when its task is chosen from the task list. */
export function sectionStart(
  section: Section,
  answers: Answers,
  visited: ReadonlySet<string>,
  prefilled: ReadonlySet<string>,
): Page | undefined {
  const shown = section.pages.filter((p) => applies(p, answers) && !isPrefilled(p, prefilled))
  return shown.find((p) => !(isPageComplete(p, answers) && touched(p, answers, visited))) ?? shown[0]
}

export function isReadyToSubmit(app: Application, answers: Answers): boolean {
  return applicablePages(app, answers).every((p) => isPageComplete(p, answers))
}

/** Only the answers to pages that still apply: what check answers shows and what is submitted. */
export function applicableAnswers(app: Application, answers: Answers): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const page of applicablePages(app, answers)) {
    const keys = page.kind === 'addAnother' ? [page.field] : page.fields.map((f) => f.id)
    for (const key of keys) if (answers[key] !== undefined) out[key] = answers[key]
  }
  return out
}

/**
 * The page before `pageId` in its own section that applies and is not prefilled — where a
 * back link goes, mirroring `nextInSection`; none → the task list, where the section started.
 */
export function previousInSection(
  app: Application,
  pageId: string,
  answers: Answers,
  prefilled: ReadonlySet<string>,
): Page | undefined {
  return neighbourInSection(app, pageId, answers, prefilled, 'before')
}

/** The nearest page on one side of `pageId`, within its section, that the citizen would be shown. */
function neighbourInSection(
  app: Application,
  pageId: string,
  answers: Answers,
  prefilled: ReadonlySet<string>,
  side: 'before' | 'after',
): Page | undefined {
  const section = app.sections.find((s) => s.pages.some((p) => p.id === pageId))
  if (!section) return undefined
  const index = section.pages.findIndex((p) => p.id === pageId)
  const candidates = side === 'after' ? section.pages.slice(index + 1) : section.pages.slice(0, index).reverse()
  return candidates.find((p) => applies(p, answers) && !isPrefilled(p, prefilled))
}

import fs from 'node:fs'
import path from 'node:path'
import { registry } from '../../../app/a11y/registry'
import { fleschKincaid, mainSentences } from '../../helpers/pages/readability'
import { renderedInBothLanguages, type Lang, type RenderedState } from '../../helpers/pages/rendered-states'
import { teamNotes } from '../../helpers/pages/team-notes'

// Every triage page state (each question, its error, each persona's plan), in English and
// Welsh: no note meant for the team reaches a citizen, and the English reads plainly —
// Flesch–Kincaid grade 5 or below on question pages, 6 or below on plans.
const states = registry().states.filter((s) => s.id.startsWith('triage/'))
const rendered = renderedInBothLanguages(states, 15 * 60 * 1000)

/** Plans, and every other triage page (questions, their errors, the start page). */
const isPlan = (id: string) => id.includes('/plan/')
const LIMITS = { plan: 6, question: 5 }

/**
 * Pages over their limit today, each with its grade: the outcome rewrites (issue 14) bring
 * them down and take them off this list. A listed page may not get worse; one that meets its
 * limit must leave the list, so the list only shrinks.
 */
const BASELINE_FILE = path.join(__dirname, 'readability-baseline.json')
const baseline = JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) as { pages: Record<string, number> }

describe.each(['en', 'cy'] as Lang[])('every triage page state in %s', (lang) => {
  it.each(states.map((s) => [s.id]))('%s shows no note meant for the team', (id) => {
    const page = rendered.get(`${lang} ${id}`) as RenderedState
    expect({ page: id, status: page.status }).toEqual({ page: id, status: page.state.expectStatus })
    expect({ page: id, notes: teamNotes(mainSentences(page.html).join('\n')) }).toEqual({ page: id, notes: [] })
  })
})

describe('plain English', () => {
  const grades = () =>
    states.map((s) => {
      const page = rendered.get(`en ${s.id}`) as RenderedState
      return {
        id: s.id,
        limit: isPlan(s.id) ? LIMITS.plan : LIMITS.question,
        ...fleschKincaid(mainSentences(page.html)),
      }
    })

  it('every English question page is at grade 5 or below and every plan at 6 or below, or listed and not worse', () => {
    const all = grades()
    const worst = [...all].sort((a, b) => b.grade - a.grade)[0]
    // Printed so the worst page can be named in a change note.
    console.log(`Worst page: ${worst?.id} at grade ${worst?.grade}`)
    if (process.env.READABILITY_BASELINE === 'write') {
      const pages = Object.fromEntries(all.filter((p) => p.grade > p.limit).map((p) => [p.id, p.grade]))
      fs.writeFileSync(BASELINE_FILE, `${JSON.stringify({ pages }, null, 2)}\n`)
    }
    const problems = all.flatMap((p) => {
      const listed = baseline.pages[p.id]
      if (p.grade <= p.limit)
        return listed === undefined
          ? []
          : [`${p.id} is now grade ${p.grade}: take it off ${path.basename(BASELINE_FILE)}`]
      if (listed === undefined) return [`${p.id} is grade ${p.grade}, over ${p.limit}`]
      return p.grade > listed ? [`${p.id} is grade ${p.grade}, worse than its listed ${listed}`] : []
    })
    expect(problems).toEqual([])
  })

  it('measures sentences the way a reader meets them', () => {
    expect(fleschKincaid(['The cat sat on the mat.']).grade).toBeLessThan(1)
    expect(
      fleschKincaid([
        'Notwithstanding the aforementioned considerations, eligibility determination necessitates comprehensive documentation.',
      ]).grade,
    ).toBeGreaterThan(15)
    expect(
      mainSentences(
        '<main><h1>Your plan</h1><p>Do this. Then that.</p><span class="govuk-visually-hidden">hidden</span></main>',
      ),
    ).toEqual(['Your plan', 'Do this.', 'Then that.'])
  })
})

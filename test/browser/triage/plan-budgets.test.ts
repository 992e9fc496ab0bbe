import { answerSteps } from '../../../app/triage/page-states'
import { PERSONA_DAY, PERSONAS, type Persona } from '../../../app/triage/personas'
import type { Page } from 'playwright-core'
import { outcomeById } from '../../../app/catalogue'
import { createTestApp } from '../../helpers/app'
import { chromiumAvailable, newAuditContext } from '../../helpers/browser'
import { servedInChromium } from '../../helpers/browser-suite'

const run = chromiumAvailable() ? describe : describe.skip

// A small phone: 320 CSS px wide, 568 tall (iPhone SE, first generation).
const PHONE = { width: 320, height: 568 }
const MAX_SCREENS = 6
const MAX_A4_PAGES = 3

/** Pages in a PDF as Chromium writes it: one page object each. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length

/**
 * Answers the persona's questions as the page's own forms would (each POST with the token
 * of the page it came from), then opens the plan.
 */
async function openPlan(page: Page, persona: Persona, lang: string) {
  for (const step of answerSteps(outcomeById(persona.outcome), persona.answers, PERSONA_DAY)) {
    if ('get' in step) await page.goto(`${origin}${step.get}?lang=${lang}`)
    else
      await page.evaluate(
        async ({ url, form }) => {
          const body = new URLSearchParams()
          body.append('_csrf', (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value)
          for (const [key, value] of Object.entries(form))
            for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
          await fetch(url, { method: 'POST', body, credentials: 'same-origin' })
        },
        { url: step.post, form: step.form },
      )
  }
  await page.goto(`${origin}/outcomes/${persona.outcome}/plan?lang=${lang}`)
  // The plan itself, not a question it sent us back to: a short page must not pass for a short plan.
  if (new URL(page.url()).pathname !== `/outcomes/${persona.outcome}/plan`)
    throw new Error(`${persona.id} (${lang}) did not reach the plan: ${page.url()}`)
}

/**
 * The words of each thing to do that should take one line on a phone — its Details summary and
 * its "may" tag — which a browser broke over two or more: each such line is about 25 px more for
 * every thing to do in the plan. Lines are counted from the rectangles of the text itself.
 */
async function wrapped(page: Page) {
  return page.evaluate(() => {
    // Visible text only: the summary's visually hidden words sit in a 1 px box of their own.
    const lines = (el: Element) => {
      const tops = new Set<number>()
      const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        if (node.parentElement?.closest('.govuk-visually-hidden') || !node.textContent?.trim()) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.top))
      }
      return tops.size
    }
    const oneLine = document.querySelectorAll('.app-plan-task .govuk-details__summary-text, .app-plan-task .govuk-tag')
    return Array.from(oneLine)
      .filter((el) => lines(el) > 1)
      .map((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' '))
  })
}

let origin = ''

run('the plan page’s budgets: every persona’s plan, English and Welsh', () => {
  const suite = servedInChromium(() => createTestApp())
  const measured: { persona: string; lang: string; screens: number; pages: number; wrapped: string[] }[] = []

  beforeAll(
    async () => {
      origin = suite.origin
      const context = await newAuditContext(suite.browser, { viewport: PHONE })
      try {
        const page = await context.newPage()
        for (const persona of PERSONAS) {
          for (const lang of ['en', 'cy']) {
            await context.clearCookies()
            // Answer as a browser does (POST each answer with its page's token), then open the plan.
            await openPlan(page, persona, lang)
            const height = await page.evaluate(() => document.documentElement.scrollHeight)
            measured.push({
              persona: persona.id,
              lang,
              screens: height / PHONE.height,
              pages: 0,
              wrapped: await wrapped(page),
            })
          }
        }
        // Printing is slower: the three tallest plans in each language go to PDF.
        for (const lang of ['en', 'cy']) {
          const tallest = measured
            .filter((m) => m.lang === lang)
            .sort((a, b) => b.screens - a.screens)
            .slice(0, 3)
          for (const m of tallest) {
            const persona = PERSONAS.find((p) => p.id === m.persona)
            if (!persona) continue
            await context.clearCookies()
            await openPlan(page, persona, lang)
            m.pages = pdfPages(await page.pdf({ format: 'A4', printBackground: true }))
          }
        }
      } finally {
        await context.close()
      }
      const worst = (lang: string) => measured.filter((m) => m.lang === lang).sort((a, b) => b.screens - a.screens)[0]
      for (const lang of ['en', 'cy']) {
        const w = worst(lang)
        const pages = Math.max(...measured.filter((m) => m.lang === lang).map((m) => m.pages))
        console.log(
          `plan budgets (${lang}): longest ${w?.persona} ${w?.screens.toFixed(2)} screens at 320×568; most A4 pages ${pages}`,
        )
      }
    },
    15 * 60 * 1000,
  )

  it('measured every persona in both languages', () => {
    expect(measured).toHaveLength(PERSONAS.length * 2)
  })

  it.each(['en', 'cy'])(`the longest plan is at most ${MAX_SCREENS} screens tall at 320 px (%s)`, (lang) => {
    const over = measured.filter((m) => m.lang === lang && m.screens > MAX_SCREENS)
    expect(over.map((m) => `${m.persona}: ${m.screens.toFixed(2)} screens`)).toEqual([])
  })

  it.each(['en', 'cy'])('every thing to do has its Details summary and its tag on one line at 320 px (%s)', (lang) => {
    const broken = measured.filter((m) => m.lang === lang && m.wrapped.length > 0)
    expect(broken.map((m) => `${m.persona}: ${[...new Set(m.wrapped)].join(' | ')}`)).toEqual([])
  })

  it.each(['en', 'cy'])(`the longest plans print on at most ${MAX_A4_PAGES} A4 pages (%s)`, (lang) => {
    const printed = measured.filter((m) => m.lang === lang && m.pages > 0)
    expect(printed.length).toBeGreaterThan(0)
    expect(printed.filter((m) => m.pages > MAX_A4_PAGES).map((m) => `${m.persona}: ${m.pages} pages`)).toEqual([])
  })
})

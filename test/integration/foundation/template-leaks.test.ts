import { registry } from '../../../app/a11y/registry'
import { renderedInBothLanguages, type Lang, type RenderedState } from '../../helpers/pages/rendered-states'
import { templateLeaks } from '../../helpers/pages/template-leaks'

// Every registered page state (foundation, triage, applications, staff, and whatever an area
// registers next), in English and in Welsh: no value or template may leak into what a reader
// meets — "undefined", "NaN", "[object Object]", "null", an unrendered Nunjucks tag, an
// unfilled `{placeholder}` or a copy key.
const states = registry().states
const rendered = renderedInBothLanguages(states, 10 * 60 * 1000)

describe('the leak check itself', () => {
  it.each([
    ['<p>It is run by undefined.</p>', 'undefined'],
    ['<p>You get £NaN a week</p>', 'NaN'],
    ['<h2>[object Object]</h2>', '[object Object]'],
    ['<p>Deadline: null</p>', 'null'],
    ['<p>{{ service.name }}</p>', 'Nunjucks tag'],
    ['<p>{% if x %}</p>', 'Nunjucks tag'],
    ['<p>Apply by {date}</p>', 'copy placeholder'],
    ['<p>triage.plan.notIncludedTitle</p>', 'copy key'],
    ['<a href="/apply/undefined">Apply</a>', 'undefined'],
  ])('finds a leak in %s', (html, name) => {
    expect(templateLeaks(html).map((l) => l.name)).toContain(name)
  })

  it('passes a page whose scripts hold placeholders for themselves', () => {
    const html =
      '<p>We will delete your answers in 2 minutes.</p><script>var a = "{count}"; if (x === undefined) {}</script>'
    expect(templateLeaks(html)).toEqual([])
  })
})

describe.each(['en', 'cy'] as Lang[])('every page state in %s', (lang) => {
  it.each(states.map((s) => [s.id]))('%s shows no unrendered value or template', (id) => {
    const page = rendered.get(`${lang} ${id}`) as RenderedState
    expect({ page: id, status: page.status }).toEqual({ page: id, status: page.state.expectStatus })
    expect({ page: id, leaks: templateLeaks(page.html) }).toEqual({ page: id, leaks: [] })
  })
})

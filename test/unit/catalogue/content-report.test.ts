import { CATALOGUE } from '../../../app/catalogue'
import { contentReport, questionFigures, reportText } from '../../../app/catalogue/report'

describe('the content report', () => {
  const day = new Date(Date.UTC(2026, 10, 30))
  const rows = contentReport(CATALOGUE, day)

  it('has a row per service variant, naming provider, link and phones', () => {
    const variants = Object.values(CATALOGUE.services).reduce((n, s) => n + Object.keys(s.variants).length, 0)
    expect(rows).toHaveLength(variants)
    const bsp = rows.find((r) => r.service === 'bereavement-support-higher' && r.variant === 'gb')
    expect(bsp).toMatchObject({ provider: 'dwp', url: 'https://www.gov.uk/bereavement-support-payment' })
    expect(bsp?.phones).toBe(
      '0800 151 2012, 0800 731 0453 (welsh), 0800 731 0464 (textphone), 0800 731 0456 (welsh-textphone), 18001 0800 151 2012 (relay-uk)',
    )
    const ni = rows.find((r) => r.service === 'bereavement-support-higher' && r.variant === 'ni')
    expect(ni).toMatchObject({ provider: 'department-for-communities', phones: '0800 085 2463' })
  })

  it('flags what was checked more than 12 months before the day, and nothing newer', () => {
    const gb = (report: typeof rows) =>
      report.find((r) => r.service === 'bereavement-support-higher' && r.variant === 'gb')?.stale
    // Read on 2026-11-30 (the amounts) and 2026-12-01 (the page): fresh now, due a look in 2028.
    expect(gb(rows)).toEqual([])
    expect(gb(contentReport(CATALOGUE, new Date(Date.UTC(2028, 0, 1))))).toEqual([
      'checked 2026-12-01',
      'figure lump checked 2026-11-30',
      'figure monthly checked 2026-11-30',
    ])
  })

  it('prints figures with source, tax year and checked date, and the figures quoted in questions', () => {
    const text = reportText(rows, (id) => id)
    expect(text).toContain(
      'figure lump: £3500 (2026/27) from https://www.gov.uk/bereavement-support-payment/what-youll-get, checked 2026-11-30',
    )
    // A question quoting last year's figure, checked long ago: flagged (the real data has none today).
    const stale = {
      amount: 196,
      unit: 'money',
      taxYear: '2025/26',
      source: 'https://www.gov.uk/carers-allowance',
      checked: '2025-04-07',
    } as const
    const withStale = {
      ...CATALOGUE,
      outcomes: CATALOGUE.outcomes.map((o) =>
        o.id === 'caring'
          ? { ...o, questions: o.questions.map((q) => (q.id === 'hours' ? { ...q, figures: { limit: stale } } : q)) }
          : o,
      ),
    }
    expect(questionFigures(withStale, day).join('\n')).toMatch(
      /caring\/hours figure limit: £196 \(2025\/26\).*OUT OF DATE/,
    )
  })
})

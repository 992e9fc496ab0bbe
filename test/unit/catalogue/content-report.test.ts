import { CATALOGUE } from '../../../app/catalogue'
import { contentReport, questionFigures, reportText } from '../../../app/catalogue/report'

describe('the content report', () => {
  const day = new Date(Date.UTC(2026, 10, 30))
  const rows = contentReport(CATALOGUE, day)

  it('has a row per service variant, naming provider, link and phones', () => {
    const variants = Object.values(CATALOGUE.services).reduce((n, s) => n + Object.keys(s.variants).length, 0)
    expect(rows).toHaveLength(variants)
    const bsp = rows.find((r) => r.service === 'bereavement-support-higher')
    expect(bsp).toMatchObject({ provider: 'dwp', url: 'https://www.gov.uk/bereavement-support-payment' })
    expect(bsp?.phones).toBe('0800 151 2012')
  })

  it('flags what was checked more than 12 months before the day, and nothing newer', () => {
    const bsp = rows.find((r) => r.service === 'bereavement-support-higher')
    // The amounts were checked on 2026-11-30; the page itself has not been re-read since 2023.
    expect(bsp?.stale).toEqual(['checked 2023-02-09'])
    const sameDay = contentReport(CATALOGUE, new Date(Date.UTC(2023, 1, 9)))
    expect(sameDay.find((r) => r.service === 'bereavement-support-higher')?.stale).toEqual([])
  })

  it('prints figures with source, tax year and checked date, and the figures quoted in questions', () => {
    const text = reportText(rows, (id) => id)
    expect(text).toContain(
      'figure lump: £3500 (2026/27) from https://www.gov.uk/bereavement-support-payment/what-youll-get, checked 2026-11-30',
    )
    expect(questionFigures(CATALOGUE, day).join('\n')).toMatch(
      /caring\/earnings figure limit: £196 \(2025\/26\).*OUT OF DATE/,
    )
  })
})

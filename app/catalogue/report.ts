import type { Catalogue, Figure } from './types'

/** One line of the content report: a service in the nations one of its variants serves. */
export interface ReportRow {
  service: string
  variant: string
  nations: readonly string[]
  provider: string
  url: string
  phones: string
  checked: string
  figures: readonly (Figure & { name: string })[]
  /** Dates (the variant's or a figure's) more than 12 months before the report's day. */
  stale: readonly string[]
}

/** The day a year before `today`: anything checked before it is due a fresh look. */
const yearBefore = (today: Date) => {
  const d = new Date(today)
  d.setUTCFullYear(d.getUTCFullYear() - 1)
  return d.toISOString().slice(0, 10)
}

/** Every service and nation with its provider, link, phones and figures, and what is out of date. */
export function contentReport(catalogue: Catalogue, today: Date): ReportRow[] {
  const limit = yearBefore(today)
  return Object.values(catalogue.services).flatMap((service) =>
    Object.entries(service.variants).map(([variant, v]) => {
      const figures = Object.entries(v.figures ?? {}).map(([name, f]) => ({ name, ...f }))
      const stale = [
        ...(v.checked < limit ? [`checked ${v.checked}`] : []),
        ...figures.filter((f) => f.checked < limit).map((f) => `figure ${f.name} checked ${f.checked}`),
      ]
      return {
        service: service.id,
        variant,
        nations: v.nations,
        provider: v.provider,
        url: v.url,
        phones:
          v.phones === 'none' ? 'none' : v.phones.map((p) => (p.for ? `${p.number} (${p.for})` : p.number)).join(', '),
        checked: v.checked,
        figures,
        stale,
      }
    }),
  )
}

/** The report as text for a terminal: one block per service variant, stale items flagged. */
export function reportText(rows: readonly ReportRow[], providerName: (id: string) => string): string {
  const out: string[] = []
  for (const row of rows) {
    out.push(
      `${row.service} [${row.variant}] — ${row.nations.join(', ')}${row.stale.length ? '   ** OUT OF DATE **' : ''}`,
    )
    out.push(`  provider: ${providerName(row.provider)} (${row.provider})`)
    out.push(`  link:     ${row.url}`)
    out.push(`  phone:    ${row.phones}`)
    out.push(`  checked:  ${row.checked}`)
    for (const f of row.figures)
      out.push(
        `  figure ${f.name}: ${f.unit === 'money' ? '£' : ''}${f.amount} (${f.taxYear}) from ${f.source}, checked ${f.checked}`,
      )
    for (const s of row.stale) out.push(`  ! more than 12 months ago: ${s}`)
    out.push('')
  }
  const stale = rows.filter((r) => r.stale.length > 0)
  out.push(`${rows.length} service variants; ${stale.length} with something checked more than 12 months ago.`)
  return out.join('\n')
}

/** Figures quoted in questions (an income limit, say), with where each was read and when. */
export function questionFigures(catalogue: Catalogue, today: Date): string[] {
  const limit = yearBefore(today)
  return catalogue.outcomes.flatMap((o) =>
    o.questions.flatMap((q) =>
      Object.entries(q.figures ?? {}).map(
        ([name, f]) =>
          `${o.id}/${q.id} figure ${name}: ${f.unit === 'money' ? '£' : ''}${f.amount} (${f.taxYear}) from ${f.source}, ` +
          `checked ${f.checked}${f.checked < limit ? '   ** OUT OF DATE **' : ''}`,
      ),
    ),
  )
}

import type { Db } from '../../store/db'
import { buildReport, monthMeasures, type CountSum, type MonthMeasures, type RatingSum, type Report } from '../report'

/** Days from `from` to `to` inclusive, as ISO dates (text comparison is date order). */
export interface DayRange {
  from: string
  to: string
}

async function sums(db: Db, range: DayRange): Promise<{ rows: CountSum[]; ratings: RatingSum[] }> {
  const rows = await db.all<CountSum>(
    `SELECT outcome, channel, measure, subject, SUM(n) AS n FROM insight_counts
     WHERE day >= $1 AND day <= $2 GROUP BY outcome, channel, measure, subject`,
    [range.from, range.to],
  )
  const ratings = await db.all<RatingSum>(
    'SELECT rating, COUNT(*) AS n FROM feedback WHERE day >= $1 AND day <= $2 GROUP BY rating',
    [range.from, range.to],
  )
  return { rows: rows.map((r) => ({ ...r, n: Number(r.n) })), ratings: ratings.map((r) => ({ ...r, n: Number(r.n) })) }
}

export async function performanceReport(db: Db, range: DayRange): Promise<Report> {
  const { rows, ratings } = await sums(db, range)
  return buildReport(rows, ratings)
}

/** The published measures for every month that has any count, oldest first. */
export async function openData(db: Db): Promise<MonthMeasures[]> {
  const months = await db.all<{ month: string }>(
    'SELECT DISTINCT substr(day, 1, 7) AS month FROM insight_counts UNION SELECT DISTINCT substr(day, 1, 7) FROM feedback ORDER BY month',
  )
  const result: MonthMeasures[] = []
  for (const { month } of months) {
    const { rows, ratings } = await sums(db, { from: `${month}-01`, to: `${month}-31` })
    result.push(monthMeasures(month, rows, ratings))
  }
  return result
}

import type { Request } from 'express'
import { isoDay, parseDateParts } from '../../rules/dates'
import { field } from './form'

/** A real date in the past from the GOV.UK day/month/year inputs, as YYYY-MM-DD (the one date parser); else undefined. */
export function dateOfBirthFrom(req: Request, prefix: string, today: Date): string | undefined {
  const [day = '', month = '', year = ''] = ['day', 'month', 'year'].map((p) => field(req, `${prefix}-${p}`, 4))
  const parsed = parseDateParts({ day, month, year }, isoDay(today), { past: true })
  return 'value' in parsed ? parsed.value : undefined
}

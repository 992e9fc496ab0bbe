import type { Request } from 'express'
import { field } from './form'

/** A real date in the past from the GOV.UK day/month/year inputs, as YYYY-MM-DD; else undefined. */
export function dateOfBirthFrom(req: Request, prefix: string, today: Date): string | undefined {
  const [day, month, year] = ['day', 'month', 'year'].map((p) => field(req, `${prefix}-${p}`, 4))
  if (!day || !month || !year || !/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return undefined
  const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (probe.getUTCDate() !== Number(day) || probe.getUTCMonth() !== Number(month) - 1) return undefined
  const iso = probe.toISOString().slice(0, 10)
  return iso < today.toISOString().slice(0, 10) && Number(year) >= 1900 ? iso : undefined
}

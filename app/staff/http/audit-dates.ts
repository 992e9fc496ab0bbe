import type { Request } from 'express'
import { z } from 'zod'
import { isoDay, parseDateParts } from '../../rules/dates'
import { readInput } from '../../request-input'
import type { Translate } from '../../i18n/translate'
import type { ErrorItem } from './form'

const part = z.string().trim().max(4).optional().catch(undefined)
const partsInput = z.object({
  'from-day': part,
  'from-month': part,
  'from-year': part,
  'to-day': part,
  'to-month': part,
  'to-year': part,
})

export interface DateFields {
  day: string
  month: string
  year: string
}

export interface AuditDates {
  /** ISO dates read from the day/month/year boxes; undefined where a box group is empty or wrong. */
  from?: string
  to?: string
  /** What was typed, shown back as it was. */
  fields: { from: DateFields; to: DateFields }
  errors: ErrorItem[]
}

/**
 * The audit filter's two dates from GOV.UK date inputs (day, month, year), through the one
 * date parser: no browser date picker, whose format follows the browser's locale (US order
 * on many machines). The ISO `from`/`to` of a link (export, pages) still work when the boxes
 * are not sent. A date that is not real is an error on its own field, and is not applied.
 */
export function auditDates(req: Request, t: Translate, now: Date, iso: { from?: string; to?: string }): AuditDates {
  const q = readInput(partsInput, req.query)
  const result: AuditDates = {
    fields: {
      from: { day: q['from-day'] ?? '', month: q['from-month'] ?? '', year: q['from-year'] ?? '' },
      to: { day: q['to-day'] ?? '', month: q['to-month'] ?? '', year: q['to-year'] ?? '' },
    },
    errors: [],
  }
  for (const which of ['from', 'to'] as const) {
    const fields = result.fields[which]
    const parsed = parseDateParts(fields, isoDay(now))
    if ('value' in parsed) result[which] = parsed.value
    else if ('code' in parsed) {
      result.errors.push({ text: t(`staff.audit.errors.${which}`), href: `#${which}-${parsed.part}` })
    } else if (iso[which]) {
      // No boxes sent: a link's ISO date, shown in the boxes.
      result[which] = iso[which]
      const [year = '', month = '', day = ''] = (iso[which] ?? '').split('-')
      result.fields[which] = { day: String(Number(day)), month: String(Number(month)), year }
    }
  }
  return result
}

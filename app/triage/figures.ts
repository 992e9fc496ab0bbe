import { formatMoney, formatNumber } from '../i18n/format'
import type { Locale } from '../i18n/locales'
import type { Figure } from '../catalogue/types'

/** Figures formatted for copy: `{fee}` → "£49.50", `{limit}` → "£100,000". */
export function figureVars(
  figures: Readonly<Record<string, Figure>> | undefined,
  locale: Locale,
): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const [name, figure] of Object.entries(figures ?? {})) {
    vars[name] = figure.unit === 'money' ? formatMoney(figure.amount, locale) : formatNumber(figure.amount, locale)
  }
  return vars
}

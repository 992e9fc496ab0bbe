import type { Locale } from './locales'

const tags: Record<Locale, string> = { en: 'en-GB', cy: 'cy-GB' }

const dateFormats = new Map<Locale, Intl.DateTimeFormat>()
const moneyFormats = new Map<string, Intl.NumberFormat>()
const numberFormats = new Map<Locale, Intl.NumberFormat>()

/** "25 November 2026" / "25 Tachwedd 2026", as the GOV.UK style guide writes dates. */
export function formatDate(value: Date | string, locale: Locale): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(tags[locale], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    })
    dateFormats.set(locale, format)
  }
  return format.format(typeof value === 'string' ? new Date(value) : value)
}

/** "£49.50", and "£500" rather than "£500.00" for whole pounds, as GOV.UK writes money. */
export function formatMoney(pounds: number, locale: Locale): string {
  const whole = Number.isInteger(pounds)
  const key = `${locale}:${whole}`
  let format = moneyFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(tags[locale], {
      style: 'currency',
      currency: 'GBP',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    })
    moneyFormats.set(key, format)
  }
  return format.format(pounds)
}

export function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(tags[locale])
    numberFormats.set(locale, format)
  }
  return format.format(value)
}

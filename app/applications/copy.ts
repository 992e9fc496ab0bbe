import type { Translate } from '../i18n/translate'
import { hasCopy } from '../i18n/translate'
import type { FieldError } from './validate'

/** Copy keys derived from ids, in one place so definitions, views and tests agree. */
export const copyKey = {
  field: (app: string, field: string, part: string) => `${app}.fields.${field}.${part}`,
  option: (app: string, field: string, option: string) => `${app}.fields.${field}.options.${option}`,
  page: (app: string, page: string, part: string) => `${app}.pages.${page}.${part}`,
  section: (app: string, section: string) => `${app}.sections.${section}`,
}

export function optionalCopy(t: Translate, key: string): string | undefined {
  return hasCopy(key) ? t(key) : undefined
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1)

/**
 * The GOV.UK message for an error: the field's own wording when it has one
 * (`<app>.fields.<id>.errors.<code>`), else the pattern for its kind with the field's
 * `name` ("your date of birth") filled in.
 */
export function errorText(t: Translate, app: string, error: FieldError): string {
  const own = copyKey.field(app, error.field, `errors.${error.code}`)
  const name = t(copyKey.field(app, error.field, 'name'))
  // `subject` is the short noun for "X must be a real date" ("date of birth" rather than "your date of birth").
  const subject = optionalCopy(t, copyKey.field(app, error.field, 'subject')) ?? name
  const vars = { name, subject, ...(error.vars ?? {}) }
  // A message that opens with the field's name ("date of birth must be…") gets its capital here,
  // so the copy keeps the same placeholders in both languages.
  return capitalise(t(hasCopy(own) ? own : `apply.errors.${error.kind}.${error.code}`, vars))
}

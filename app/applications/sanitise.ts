/**
 * What every typed answer goes through before it is validated (the CASA "sanitise" step):
 * Unicode NFC, control characters and lone surrogates removed, spaces trimmed. Removing
 * invisible characters rather than refusing them gives the citizen nothing to puzzle over,
 * and guarantees what is stored prints cleanly in emails, CSV and the staff screens.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g
// eslint-disable-next-line no-control-regex
const CONTROL_AND_NEWLINES = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2064\uFEFF]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The body value as a single string: anything else (arrays, objects) reads as empty. */
export function single(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

export function sanitiseLine(value: unknown): string {
  return single(value)
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(CONTROL_AND_NEWLINES, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export function sanitiseText(value: unknown): string {
  return single(value)
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .trim()
}

/**
 * CSV as RFC 4180 writes it (every field quoted, quotes doubled, CRLF between records), the
 * form spreadsheet programs and translation tools open. Written here because the project's
 * other CSV (app/staff/csv.ts) only writes, and neutralises formulas, which would change a
 * string on its way back.
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((field) => `"${field.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n'
}

export class CsvError extends Error {}

/** Records as arrays of fields, each with the line it starts on (for error messages). */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRecord = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields })
    fields = []
    field = ''
  }
  for (; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"') {
      if (field !== '') throw new CsvError(`line ${line}: a quote inside an unquoted field`)
      quoted = true
    } else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      start = line
    } else field += c
  }
  if (quoted) throw new CsvError(`line ${start}: a quoted field is not closed`)
  if (field !== '' || fields.length) endRecord()
  return records
}

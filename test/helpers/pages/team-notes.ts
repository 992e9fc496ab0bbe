/**
 * Notes meant for the people who write the portal, never for the citizens who read it: a
 * fact still to be confirmed, a source's reliability, a reminder. Found in English and Welsh.
 */
const NOTES: readonly RegExp[] = [
  /\bunconfirmed\b/i,
  /\bnot (yet )?confirmed\b/i,
  /\bto be (checked|confirmed)\b/i,
  /\bneeds? (checking|confirming)\b/i,
  /\[\s*check\s*\]/i,
  /\(\s*check\s*\)/i,
  /\bthird[- ]party (summary|source|page|site|copy)\b/i,
  /\bsource: [^)]*\)/i,
  /\b(TODO|FIXME|TBC|TBD|XXX)\b/,
  /\bheb ei gadarnhau\b/i,
  /\b(crynodeb|ffynhonnell|tudalen) trydydd parti\b/i,
  /\bi[’']w (wirio|gadarnhau)\b/i,
  /\bangen ei (wirio|gadarnhau)\b/i,
]

/** The team notes in a text, each with a little context so a failure names the spot. */
export function teamNotes(text: string): string[] {
  const found: string[] = []
  for (const note of NOTES) {
    const match = note.exec(text)
    if (match) found.push(text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40).trim())
  }
  return found
}

/**
 * Takes out of feedback text what could identify someone, before it is stored: email
 * addresses, National Insurance numbers, the portal's references (and anything shaped like
 * one), phone numbers (and any other long run of digits, such as a card number) and
 * postcodes. Written by hand because it is a handful of patterns, each matched in the
 * loose way people type them (spaces, dashes, brackets), and over-removing is the safe side.
 */
const REMOVED = '[removed]'

/** Shaped like a reference; counted as one only with a digit or a dash in it, so words like "information" stay. */
const REFERENCE = /\b[A-Za-z]{3}[\s-]?[2-9A-Za-z]{4}[\s-]?[2-9A-Za-z]{4}\b/g

const PATTERNS: readonly RegExp[] = [
  // Email addresses, including "name @ example . com" with spaces around the signs.
  /[^\s@<>()]+\s?@\s?[^\s@<>()]+\s?\.\s?[A-Za-z]{2,}/g,
  // National Insurance numbers: two letters, six digits, an optional letter, spaced any way.
  /\b[A-Za-z]{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?[A-Da-d]?\b/g,
  // Phone numbers and other long numbers: 7 or more digits, with spaces, dashes, dots or brackets between.
  /\+?\(?\d(?:[\s().-]{0,2}\d){6,}/g,
  // Postcodes (CF10 1AA, sw1a2aa).
  /\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b/g,
]

/** The text with every match replaced by `[removed]`. */
export function scrub(text: string): string {
  const references = text.replace(REFERENCE, (match) => (/[\d-]/.test(match) ? REMOVED : match))
  return PATTERNS.reduce((out, pattern) => out.replace(pattern, REMOVED), references)
}

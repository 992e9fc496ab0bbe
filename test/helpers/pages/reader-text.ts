/**
 * The words a reader meets on a page, as text: what is shown, what a screen reader reads
 * out (visually hidden text, `aria-label`, `alt`, `title`), and what scripts show from the
 * page's own attributes (govuk-frontend's `data-i18n.*`, the timeout dialog's `data-text-*`).
 * Parts marked `lang="en"` are returned apart, so a check can judge them on their own terms.
 */
export interface ReaderText {
  /** The page's text in its own language, one space between words. */
  text: string
  /** Each part the page declares English (`lang="en"`), as text. */
  english: string[]
}

const ENTITIES: Record<string, string> = {
  shy: '',
  nbsp: ' ',
  amp: '&',
  quot: '"',
  lt: '<',
  gt: '>',
  apos: "'",
  rsquo: '’',
}

/** Decodes the entities Nunjucks' escaping and govuk-frontend write. */
export function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return ENTITIES[name] ?? whole
  })
}

/** Attributes whose value is read out or shown as words. */
const WORD_ATTRIBUTES =
  /\s(?:aria-label|aria-description|aria-roledescription|alt|title|placeholder|data-i18n\.[\w.-]+|data-text-[\w-]+)="([^"]*)"/gi

/** Elements whose content is not language: code, scripts, styles, and the SVG drawings of the logo. */
const NOT_WORDS = /<(script|style|code|svg)\b[\s\S]*?<\/\1>/gi

/**
 * The outermost elements marked `lang="en"`, matched to their own closing tag (they may
 * hold elements of the same name).
 */
function englishParts(html: string): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = []
  // The page's own language (`<html lang>`) is not a part of it.
  const open = /<(?!html\b)([a-z][\w-]*)\b[^>]*\slang="en"[^>]*>/gi
  let match: RegExpExecArray | null
  while ((match = open.exec(html))) {
    const name = match[1] as string
    const tag = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi')
    tag.lastIndex = match.index + match[0].length
    let depth = 1
    let end = html.length
    let inner: RegExpExecArray | null
    while ((inner = tag.exec(html))) {
      depth += inner[1] ? -1 : 1
      if (depth === 0) {
        end = inner.index + inner[0].length
        break
      }
    }
    parts.push({ start: match.index, end })
    open.lastIndex = end
  }
  return parts
}

function textOf(html: string): string {
  const attributes: string[] = []
  const body = html
    .replace(NOT_WORDS, ' ')
    .replace(/<wbr\s*\/?>/gi, '')
    .replace(/<[^>]+>/g, (tag) => {
      for (const m of tag.matchAll(WORD_ATTRIBUTES)) {
        const value = m[1] as string
        // Scripts fill `{count}` / `%{count}` in data attributes; they are not words.
        attributes.push(m[0].includes(' data-') ? value.replace(/%?\{\w+\}/g, ' ') : value)
      }
      // A visible button from an input carries its words in `value`.
      if (/^<input\b[^>]*\stype="(?:submit|button|reset)"/i.test(tag)) {
        const value = /\svalue="([^"]*)"/i.exec(tag)?.[1]
        if (value) attributes.push(value)
      }
      return ' '
    })
  return decode([body, ...attributes].join(' '))
    .replace(/\u00ad/g, '')
    .replace(/'/g, '’')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The reader's text of a whole page (or a fragment of one). */
export function readerText(html: string): ReaderText {
  const withoutHead = html.replace(/<head\b[\s\S]*?<\/head>/i, (head) => {
    const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1] ?? ''
    return ` ${title} `
  })
  const parts = englishParts(withoutHead)
  const english = parts.map((p) => textOf(withoutHead.slice(p.start, p.end)))
  let own = ''
  let at = 0
  for (const p of parts) {
    own += withoutHead.slice(at, p.start) + ' '
    at = p.end
  }
  own += withoutHead.slice(at)
  return { text: textOf(own), english }
}

/** Text without what is not prose in any language: web and email addresses and paths (`/apply/dbs-basic/five-years`). */
export function withoutAddresses(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\S*\/\S*/g, ' ')
}

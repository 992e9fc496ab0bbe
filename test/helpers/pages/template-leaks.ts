/**
 * Signs that a value or a template did not render: words a page must never show. Found in
 * the text a reader meets (tags removed, entities decoded) and in the attributes that carry
 * words or addresses, each with a little context so a failure names the spot.
 */
const LEAKS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'undefined', pattern: /\bundefined\b/g },
  { name: 'NaN', pattern: /\bNaN\b/g },
  { name: '[object Object]', pattern: /\[object \w+\]/g },
  { name: 'null', pattern: /\bnull\b/g },
  { name: 'Nunjucks tag', pattern: /\{\{|\}\}|\{%|%\}|\{#|#\}/g },
  // The copy system's placeholders (`{name}`), left unfilled.
  { name: 'copy placeholder', pattern: /\{[A-Za-z]\w*\}/g },
  // A copy key shown instead of its copy (`triage.plan.title`).
  {
    name: 'copy key',
    pattern: /\b(?:common|triage|apply|timeout|errors|info|staff|start|a11y|plan)\.[a-z][\w-]*\.[\w.-]+/g,
  },
]

/** Attributes whose value is shown, read out or followed. Scripts' own `data-text-*` templates are left out. */
const ATTRIBUTES = /\s(?:aria-label|aria-describedby|alt|title|placeholder|value|href|action|src|id|for)="([^"]*)"/gi

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", shy: '' }

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return ENTITIES[name] ?? whole
  })
}

/** The page's words: body text and word-carrying attributes, scripts and styles left out. */
export function readableParts(html: string): string {
  const attributes: string[] = []
  const text = html
    .replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, (tag) => {
      for (const m of tag.matchAll(ATTRIBUTES)) attributes.push(m[1] as string)
      return ' '
    })
  return decode([text, ...attributes].join(' \n ')).replace(/[ \t\r]+/g, ' ')
}

export interface Leak {
  name: string
  found: string
  context: string
}

export function templateLeaks(html: string): Leak[] {
  const text = readableParts(html)
  const leaks: Leak[] = []
  for (const { name, pattern } of LEAKS) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0
      leaks.push({ name, found: match[0], context: text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ') })
    }
  }
  return leaks
}

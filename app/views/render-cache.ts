import { createHash, randomBytes } from 'node:crypto'
import nunjucks from 'nunjucks'
import { isLocale } from '../i18n/locales'
import { translator } from '../i18n/translate'
import type { PageDictionary } from './page-dictionary'
import { SplicedDcz } from './spliced-dcz'
import { SplicedGzip } from './spliced-gzip'

/**
 * Rendering a page through govuk-frontend's macros costs milliseconds; the same page for
 * the same inputs is the same HTML. This cache renders each distinct (template, inputs)
 * once and keeps the HTML split around the values that change on every request — the CSP
 * nonce, the request id and the CSRF token — which the template only prints. A hit costs
 * a key and a join instead of a render.
 *
 * The key is every input the template can see except those per-request values: all
 * render options and `res.locals`, serialised. Anything that cannot be serialised
 * faithfully (an unknown function, a class instance) makes that render uncached, so a
 * page is never served from the cache on the strength of a partial key. `t` is allowed
 * because it is a function of `locale` (it must be the built-in translator for it). What
 * the callers give is theirs to shape: nothing outside app/views marks anything for it.
 *
 * Contract for templates: per-request values are printed, never inspected or transformed.
 * The equivalence test renders every page state both ways and compares the bytes.
 */

/** Render inputs Express adds that are the same for every request of one app. */
const APP_CONSTANTS = new Set(['settings', '_locals', 'cache'])

/** Per-request strings the template may only print. */
const HOLES = ['cspNonce', 'requestId'] as const
type Hole = (typeof HOLES)[number] | 'csrfToken'

/** Printed as-is by autoescape only if they hold none of the characters it escapes. */
const printable = /^[^&"'<>]*$/

const MAX_DEPTH = 12

/**
 * Key texts of deep-frozen render inputs, worked out once: such an object cannot change, so
 * its text stays true for its life, and a large view that is kept and shared between
 * requests (a plan is thousands of fields) is not serialised again on every render.
 */
const frozenKeys = new WeakMap<object, string>()

/**
 * An object's text longer than this stands in the key as its SHA-256. A key costs its length
 * on every lookup (the map hashes the new string and compares it with the stored one), and a
 * plan's view is tens of kilobytes: that was the largest single cost of a plan page served
 * from the cache (issue 21). Equal digests mean equal texts, so pages still never mix. Every
 * object gets the same treatment, frozen or not, so a key still depends on content alone; a
 * kept (frozen) view's digest is worked out once, and an object's text holds its members'
 * digests, so no text is hashed twice.
 */
const DIGEST_OVER = 256

function short(text: string): string {
  return text.length > DIGEST_OVER ? `H${createHash('sha256').update(text).digest('base64')}` : text
}
/** Set while serialising when anything met so far could still change (not deep-frozen). */
let changeable = false

/**
 * A deterministic text of a render input, or undefined when it holds something a text
 * cannot stand for (then the render is not cached). Object keys keep insertion order:
 * two requests that build the same view the same way produce the same key.
 */
export function keyOf(value: unknown): string | undefined {
  changeable = false
  return keyText(value, 0)
}

function keyText(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
    case 'boolean':
      return String(value)
    case 'undefined':
      return 'u'
    case 'object': {
      if (value === null) return 'n'
      const known = Object.isFrozen(value) ? frozenKeys.get(value) : undefined
      if (known !== undefined) return known
      if (value instanceof Date) {
        changeable = true
        return `D${value.getTime()}`
      }
      if (value instanceof nunjucks.runtime.SafeString) {
        changeable = true
        return `S${JSON.stringify(value.toString())}`
      }
      const outer = changeable
      changeable = false
      const full = Array.isArray(value) ? arrayText(value, depth) : objectText(value, depth)
      const text = full === undefined ? undefined : short(full)
      if (text !== undefined && !changeable && Object.isFrozen(value)) frozenKeys.set(value, text)
      changeable ||= outer || !Object.isFrozen(value)
      return text
    }
    default:
      // functions, symbols, bigints: not something a key can stand for
      return undefined
  }
}

function arrayText(value: readonly unknown[], depth: number): string | undefined {
  let out = '['
  for (const item of value) {
    const k = keyText(item, depth + 1)
    if (k === undefined) return undefined
    out += `${k},`
  }
  return `${out}]`
}

function objectText(value: object, depth: number): string | undefined {
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return undefined
  let out = '{'
  for (const [name, item] of Object.entries(value)) {
    const k = keyText(item, depth + 1)
    if (k === undefined) return undefined
    out += `${JSON.stringify(name)}:${k},`
  }
  return `${out}}`
}

interface Entry {
  /** Literal HTML between holes; `parts.length === holes.length + 1`. */
  parts: string[]
  holes: Hole[]
  usesCsrf: boolean
  size: number
  /** Built on the first gzip request for this page. */
  gzip?: SplicedGzip
  /** Built on the first `dcz` request for this page with each dictionary (one per language). */
  dcz?: Map<PageDictionary, SplicedDcz>
}

/** A page: its HTML, and for a cached page its gzip and `dcz` bodies made without compressing it again. */
export interface Rendered {
  html: string
  gzip: (() => Buffer) | undefined
  dcz?: (dictionary: PageDictionary) => Buffer
}

export interface RenderCacheOptions {
  /** Upper bound on distinct pages kept (least recently used go first). */
  maxEntries?: number
  /** Upper bound on memory kept, in characters of HTML (each page counts four times its length). */
  maxChars?: number
}

export type RenderFn = (name: string, context: Record<string, unknown>) => string

export class RenderCache {
  private readonly entries = new Map<string, Entry>()
  private chars = 0
  private readonly maxEntries: number
  private readonly maxChars: number
  private readonly sentinel: Record<Hole, string>
  private readonly sentinelPattern: RegExp
  hits = 0
  misses = 0
  bypasses = 0

  constructor(
    private readonly renderFn: RenderFn,
    options: RenderCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1000
    this.maxChars = options.maxChars ?? 12 * 1024 * 1024
    // Random per process, so no page content can contain one by accident or design.
    const base = randomBytes(12).toString('hex')
    this.sentinel = { cspNonce: `N${base}N`, requestId: `R${base}R`, csrfToken: `C${base}C` }
    this.sentinelPattern = new RegExp(`(N${base}N|R${base}R|C${base}C)`)
  }

  get size(): number {
    return this.entries.size
  }

  /** The page for these inputs: from the cache when it can be, rendered otherwise. */
  render(name: string, context: Record<string, unknown>): Rendered {
    const key = this.keyFor(name, context)
    if (key === undefined) {
      this.bypasses++
      return { html: this.renderFn(name, context), gzip: undefined }
    }
    let entry = this.entries.get(key)
    if (entry) {
      this.hits++
      // Refresh recency: Map iteration order is insertion order, so the first key is the oldest.
      this.entries.delete(key)
      this.entries.set(key, entry)
    } else {
      this.misses++
      entry = this.renderEntry(name, context)
      // Rendering the page's form creates its CSRF token, and that can change what other
      // inputs say (the session timeout's `active` getter): read the key again once the
      // token exists, render again if it moved, and file the page under the final inputs.
      if (!this.values(entry, context)) return { html: this.renderFn(name, context), gzip: undefined }
      const settled = this.keyFor(name, context)
      if (settled === undefined) {
        this.bypasses++
        return { html: this.renderFn(name, context), gzip: undefined }
      }
      if (settled !== key) entry = this.renderEntry(name, context)
      this.store(settled, entry)
    }
    const values = this.values(entry, context)
    if (!values) return { html: this.renderFn(name, context), gzip: undefined }
    const found = entry
    let html = found.parts[0] ?? ''
    for (let i = 0; i < values.length; i++) html += values[i] + (found.parts[i + 1] ?? '')
    return {
      html,
      gzip: () => {
        found.gzip ??= new SplicedGzip(found.parts)
        return found.gzip.build(values)
      },
      dcz: (dictionary) => {
        found.dcz ??= new Map()
        let body = found.dcz.get(dictionary)
        if (!body) found.dcz.set(dictionary, (body = new SplicedDcz(found.parts, dictionary)))
        return body.build(values)
      },
    }
  }

  private keyFor(name: string, context: Record<string, unknown>): string | undefined {
    let key = JSON.stringify(name)
    for (const [field, value] of Object.entries(context)) {
      if (APP_CONSTANTS.has(field)) continue
      if (field === 'cspNonce' || field === 'requestId') {
        if (value !== undefined && (typeof value !== 'string' || !printable.test(value))) return undefined
        continue
      }
      if (field === 'csrfToken') {
        if (value !== undefined && typeof value !== 'function') return undefined
        continue
      }
      if (field === 't') {
        // `t` must be the translator of the page's own locale, so the locale stands for it.
        if (!isLocale(context.locale) || value !== translator(context.locale)) return undefined
        continue
      }
      const k = keyOf(value)
      if (k === undefined) return undefined
      key += `|${field}=${k}`
    }
    return key
  }

  private renderEntry(name: string, context: Record<string, unknown>): Entry {
    let usesCsrf = false
    const sentinelContext: Record<string, unknown> = { ...context }
    for (const hole of HOLES) if (context[hole] !== undefined) sentinelContext[hole] = this.sentinel[hole]
    if (typeof context.csrfToken === 'function') {
      sentinelContext.csrfToken = () => {
        usesCsrf = true
        return this.sentinel.csrfToken
      }
    }
    const html = this.renderFn(name, sentinelContext)
    const pieces = html.split(this.sentinelPattern)
    const parts: string[] = []
    const holes: Hole[] = []
    const byText = new Map<string, Hole>(Object.entries(this.sentinel).map(([h, s]) => [s, h as Hole]))
    pieces.forEach((piece, i) => {
      if (i % 2 === 0) parts.push(piece)
      else holes.push(byText.get(piece) as Hole)
    })
    // Counted four times: the string, and the bytes and compressed bytes the gzip and dcz bodies keep.
    return { parts, holes, usesCsrf, size: html.length * 4 }
  }

  private store(key: string, entry: Entry): void {
    if (entry.size + key.length > this.maxChars) return
    this.entries.set(key, entry)
    this.chars += entry.size + key.length
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break
      this.entries.delete(oldKey)
      this.chars -= old.size + oldKey.length
    }
  }

  /**
   * This request's values for the entry's holes, in order, or undefined if one would not
   * print as-is (then the page is rendered normally).
   */
  private values(entry: Entry, context: Record<string, unknown>): string[] | undefined {
    // The real token is fetched whenever the page prints one, hit or miss: generating it is
    // what stores it in the session.
    const token = entry.usesCsrf ? String((context.csrfToken as () => unknown)()) : ''
    if (!printable.test(token)) return undefined
    return entry.holes.map((hole) => (hole === 'csrfToken' ? token : String(context[hole])))
  }
}

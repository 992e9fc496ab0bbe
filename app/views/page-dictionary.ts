import { createHash } from 'node:crypto'
import zlib from 'node:zlib'
import type { Request } from 'express'
import type nunjucks from 'nunjucks'
import type { Config } from '../config'
import { acceptedEncodings } from './accept-encoding'
import type { Asset } from './static-assets'
import { LOCALES, type Locale } from '../i18n/locales'
import { translator } from '../i18n/translate'
import { dictionaryFrame } from './zstd-frames'

/**
 * Compression Dictionary Transport (RFC 9842) for pages. Every page shares its chrome — the
 * head, the header with its logo, the phase banner, the footer, the timeout dialog — which
 * is most of a further page's compressed bytes. The first page links this dictionary (that
 * chrome, rendered at start-up in its language); a browser fetches it once when idle and
 * from then on says so (`Available-Dictionary`), and pages come back as `dcz`: Zstandard
 * against the dictionary, where the chrome costs a few bytes. A browser that has not got it,
 * or does not support it, gets Brotli or gzip as before.
 */

/** The `dcz` stream header: a skippable frame of 32 bytes, holding the dictionary's SHA-256. */
const DCZ_MAGIC = Buffer.from([0x5e, 0x2a, 0x4d, 0x18, 0x20, 0x00, 0x00, 0x00])

/** Whole pages compressed per request (not from the render cache): fast, still small with the dictionary. */
const PER_REQUEST_LEVEL = 3

export class PageDictionary {
  readonly bytes: Buffer
  /** `Available-Dictionary` as a browser holding this dictionary sends it (a structured-field byte sequence). */
  readonly available: string
  /** Where pages link it; the hash in the name lets it be cached for good. */
  readonly url: string
  /** The start of every `dcz` body. */
  readonly header: Buffer

  constructor(content: string) {
    this.bytes = Buffer.from(content, 'utf8')
    const sha = createHash('sha256').update(this.bytes).digest()
    this.available = `:${sha.toString('base64')}:`
    this.url = `/assets/page-dictionary-${sha.toString('hex').slice(0, 10)}.txt`
    this.header = Buffer.concat([DCZ_MAGIC, sha])
  }

  /** A whole page as a `dcz` body. */
  compress(html: Buffer): Buffer {
    return Buffer.concat([this.header, dictionaryFrame(html, this.bytes, PER_REQUEST_LEVEL)])
  }

  /**
   * The dictionary as an asset: cached for good (the name holds the hash), marked as a
   * dictionary for every page of the site, and Brotli at the best level — made when first
   * asked for, not at start-up, which every test app would pay.
   */
  asset(): Asset {
    const bytes = this.bytes
    let brotli: Buffer | undefined
    return {
      type: 'text/plain; charset=utf-8',
      body: bytes,
      get br() {
        brotli ??= zlib.brotliCompressSync(bytes, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        })
        return brotli
      },
      immutable: true,
      headers: { 'Use-As-Dictionary': 'match="/*", match-dest=("document")' },
    }
  }
}

/**
 * One dictionary per language, each the chrome of pages in that language: a visitor fetches
 * only their own (about 3.5 KB), and a page in either language may use whichever the
 * browser holds.
 */
export class PageDictionaries {
  private readonly byAvailable = new Map<string, PageDictionary>()
  private readonly byUrl = new Map<string, PageDictionary>()

  constructor(readonly byLocale: Readonly<Record<Locale, PageDictionary>>) {
    for (const dictionary of Object.values(byLocale)) {
      this.byAvailable.set(dictionary.available, dictionary)
      this.byUrl.set(dictionary.url, dictionary)
    }
  }

  /** Where each language's pages link their dictionary. */
  urls(): Record<Locale, string> {
    const urls = {} as Record<Locale, string>
    for (const locale of LOCALES) urls[locale] = this.byLocale[locale].url
    return urls
  }

  /** The dictionary to answer this request with as `dcz`: one it holds, if it accepts the encoding. */
  usableFor(req: Request): PageDictionary | undefined {
    const available = req.headers['available-dictionary']
    const dictionary = typeof available === 'string' ? this.byAvailable.get(available) : undefined
    return dictionary && acceptedEncodings(req.headers['accept-encoding']).has('dcz') ? dictionary : undefined
  }

  /** The dictionaries as assets, by URL, for the asset middleware to serve. */
  assets(): Map<string, Asset> {
    return new Map([...this.byUrl].map(([url, dictionary]) => [url, dictionary.asset()]))
  }
}

/**
 * The dictionaries for this configuration: views/compression-dictionary.njk rendered in
 * each language, as a visitor with a session sees it (with the timeout dialog). They depend
 * only on the code and configuration, so every instance of one release makes the same.
 */
export function buildPageDictionaries(env: nunjucks.Environment, config: Config): PageDictionaries {
  const idleSeconds = config.sessionIdleMinutes * 60
  const render = (locale: Locale) =>
    new PageDictionary(
      env.render('compression-dictionary.njk', {
        t: translator(locale),
        locale,
        htmlLang: locale,
        languageToggle: { current: locale, otherHref: '/' },
        sessionTimeout: {
          active: true,
          idleMinutes: config.sessionIdleMinutes,
          idleSeconds,
          warningSeconds: Math.min(config.sessionWarningSeconds, idleSeconds - 1),
        },
        currentPath: '/',
        csrfToken: () => '',
        cspNonce: '',
        errorList: [{ text: '', href: '#' }],
      }),
    )
  return new PageDictionaries({ en: render('en'), cy: render('cy') })
}

import zlib from 'node:zlib'
import type { RequestHandler, Response } from 'express'
import { renderedPage } from './cached-view'
import { acceptedEncodings } from './accept-encoding'
import type { PageDictionaries } from './page-dictionary'

/**
 * Brotli quality 5 and gzip level 4: on a GOV.UK page of 10–20 KB they are within 10% of
 * the best size at a fraction of the time of the maximum settings (quality 5 costs the same
 * as 4 here, 0.4 ms, for 5% fewer bytes; 9 costs 8 ms). Static assets are pre-compressed at
 * build time at the maximum; these settings are for pages, which are rendered per request.
 */
export const BROTLI_QUALITY = 5
export const GZIP_LEVEL = 4

/** Below this a compressed body saves less than its headers and the time cost. */
const MIN_BYTES = 1024

export type Encoding = 'br' | 'gzip' | 'identity'

/**
 * The encoding to send for an `Accept-Encoding` header: Brotli if accepted, then gzip —
 * or gzip first when a gzip body is already made (`preferGzip`: a cached page, whose gzip
 * costs microseconds where Brotli would cost a compression for a few per cent fewer
 * bytes).
 */
export function negotiate(acceptEncoding: string | undefined, preferGzip = false): Encoding {
  const accepted = acceptedEncodings(acceptEncoding)
  const br = accepted.has('br')
  const gzip = accepted.has('gzip') || accepted.has('*')
  if (preferGzip && gzip) return 'gzip'
  return br ? 'br' : gzip ? 'gzip' : 'identity'
}

export function compress(body: Buffer, encoding: Exclude<Encoding, 'identity'>): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : zlib.gzipSync(body, { level: GZIP_LEVEL })
}

function isHtml(res: Response): boolean {
  const type = res.getHeader('Content-Type')
  return type === undefined || String(type).startsWith('text/html')
}

/**
 * Compresses HTML pages (a string given to `res.send`, which is what `res.render` does)
 * with the best encoding the browser accepts. A browser holding the page dictionary gets
 * `dcz` (see page-dictionary.ts); a page from the render cache goes as gzip or `dcz`
 * spliced from pieces compressed once (spliced-gzip.ts, spliced-dcz.ts). Synchronous on
 * purpose: for a page this size the zlib thread pool's hand-off costs about as much as the
 * compression itself. Everything else — JSON, redirects, pre-compressed assets — is sent
 * as it was.
 */
export function compressHtml(dictionaries?: PageDictionaries): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res)
    res.send = function sendCompressed(body?: unknown) {
      if (typeof body !== 'string' || !isHtml(res) || res.getHeader('Content-Encoding') !== undefined) return send(body)
      const status = res.statusCode
      if (status === 204 || status === 304 || (status >= 100 && status < 200)) return send(body)
      res.vary('Accept-Encoding')
      if (dictionaries) res.vary('Available-Dictionary')
      if (body.length < MIN_BYTES) return send(body)
      const page = renderedPage(res.locals, body)
      const dictionary = dictionaries?.usableFor(req)
      if (dictionary) {
        const compressed = page?.dcz ? page.dcz(dictionary) : dictionary.compress(Buffer.from(body, 'utf8'))
        return sendEncoded(res, req.method, 'dcz', compressed)
      }
      // A request with no cookie at all is the first page of a visit, on a cold cache and
      // before the browser holds the page dictionary: it is worth a Brotli compression (~8%
      // smaller than the spliced gzip). Later pages have a cookie and take the cheap gzip.
      const firstOfVisit = req.headers.cookie === undefined
      const encoding = negotiate(req.headers['accept-encoding'], page !== undefined && !firstOfVisit)
      if (encoding === 'identity') return send(body)
      const compressed = encoding === 'gzip' && page?.gzip ? page.gzip() : compress(Buffer.from(body, 'utf8'), encoding)
      return sendEncoded(res, req.method, encoding, compressed)
    }
    next()
  }
}

function sendEncoded(res: Response, method: string, encoding: string, body: Buffer): Response {
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  res.setHeader('Content-Encoding', encoding)
  res.setHeader('Content-Length', body.length)
  res.end(method === 'HEAD' ? undefined : body)
  return res
}

import zlib from 'node:zlib'
import type { RequestHandler, Response } from 'express'
import { renderedPage } from '../views/cached-view'

/**
 * Brotli quality 4 and gzip level 4 (see bench/README.md, "Compression level"): on a
 * GOV.UK page of 10–20 KB they are within a few per cent of the best size at a fraction
 * of the time of the maximum settings. Static assets are pre-compressed at build time at
 * the maximum; these settings are for pages, which are rendered per request.
 */
export const BROTLI_QUALITY = 4
export const GZIP_LEVEL = 4

/** Below this a compressed body saves less than its headers and the time cost. */
const MIN_BYTES = 1024

export type Encoding = 'br' | 'gzip' | 'identity'

/**
 * The encoding to send for an `Accept-Encoding` header: Brotli if accepted, then gzip —
 * or gzip first when a gzip body is already made (`preferGzip`: a cached page, whose gzip
 * costs microseconds where Brotli would cost a compression for a few per cent fewer
 * bytes). An explicit `;q=0` refuses one.
 */
export function negotiate(acceptEncoding: string | undefined, preferGzip = false): Encoding {
  if (!acceptEncoding) return 'identity'
  let br = false
  let gzip = false
  for (const part of acceptEncoding.split(',')) {
    const [rawName, ...params] = part.split(';')
    const name = rawName?.trim().toLowerCase()
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p))
    if (refused) continue
    if (name === 'br') br = true
    else if (name === 'gzip' || name === '*') gzip = true
  }
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
 * with the best encoding the browser accepts; a page from the render cache goes as gzip
 * spliced from pieces compressed once (see spliced-gzip.ts). Synchronous on purpose: for a page this
 * size the zlib thread pool's hand-off costs about as much as the compression itself.
 * Everything else — JSON, redirects, pre-compressed assets — is sent as it was.
 */
export const compressHtml: RequestHandler = (req, res, next) => {
  const send = res.send.bind(res)
  res.send = function sendCompressed(body?: unknown) {
    if (typeof body !== 'string' || !isHtml(res) || res.getHeader('Content-Encoding') !== undefined) return send(body)
    const status = res.statusCode
    if (status === 204 || status === 304 || (status >= 100 && status < 200)) return send(body)
    res.vary('Accept-Encoding')
    const page = renderedPage(res.locals, body)
    const encoding = negotiate(req.headers['accept-encoding'], page !== undefined)
    if (encoding === 'identity' || body.length < MIN_BYTES) return send(body)
    const compressed = encoding === 'gzip' && page?.gzip ? page.gzip() : compress(Buffer.from(body, 'utf8'), encoding)
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.setHeader('Content-Encoding', encoding)
    res.setHeader('Content-Length', compressed.length)
    res.end(req.method === 'HEAD' ? undefined : compressed)
    return res
  }
  next()
}

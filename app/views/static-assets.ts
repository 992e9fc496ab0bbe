import fs from 'node:fs'
import path from 'node:path'
import type { RequestHandler } from 'express'
import { PUBLIC_DIR } from '../paths'

export interface Asset {
  type: string
  body: Buffer
  br?: Buffer
  gzip?: Buffer
  immutable: boolean
  /** Headers this asset alone carries. */
  headers?: Readonly<Record<string, string>>
}

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/** The same policy helmet sends on pages (see security.ts). */
export const HSTS = 'max-age=31536000; includeSubDomains'

/** A name with a content hash (ours `-0123abcdef`, govuk-frontend's fonts `-affa96571d-v2`). */
const fingerprinted = /-[0-9a-f]{10}(-v\d+)?\.[a-z0-9]+$/

function load(dir: string, prefix: string, into: Map<string, Asset>): void {
  if (!fs.existsSync(dir)) return
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    const url = `${prefix}/${entry.name}`
    if (entry.isDirectory()) load(file, url, into)
    else if (!entry.name.endsWith('.br') && !entry.name.endsWith('.gz')) {
      const asset: Asset = {
        type: types[path.extname(entry.name)] ?? 'application/octet-stream',
        body: fs.readFileSync(file),
        immutable: fingerprinted.test(entry.name),
      }
      if (fs.existsSync(`${file}.br`)) asset.br = fs.readFileSync(`${file}.br`)
      if (fs.existsSync(`${file}.gz`)) asset.gzip = fs.readFileSync(`${file}.gz`)
      into.set(url, asset)
    }
  }
}

/**
 * Serves the built assets (and any made at start-up) from memory with their pre-compressed variants: they are small
 * (a few hundred KB in all) and read on every first visit. Hashed names are cached for a
 * year as immutable; the few unhashed ones (favicon, web manifest) for a day.
 *
 * It runs before the security middleware, so assets carry only the headers they need:
 * `nosniff` (a script or stylesheet is only run with its declared type) and, in production,
 * HSTS — a browser whose first request to the host is for an asset (a preload, a cached
 * page) must learn to use HTTPS from it too. CSP and framing headers govern documents only. Fewer bytes per
 * request matter on a first visit of nine requests over a slow mobile link.
 */
export function staticAssets(
  publicDir = PUBLIC_DIR,
  made: ReadonlyMap<string, Asset> = new Map(),
  production = false,
): RequestHandler {
  const assets = new Map<string, Asset>()
  load(publicDir, '/assets', assets)
  // Assets the app makes at start-up (the page dictionaries), served the same way.
  for (const [url, asset] of made) assets.set(url, asset)
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const asset = assets.get(req.path)
    if (!asset) return next()
    const accepts = String(req.headers['accept-encoding'] ?? '')
    let body = asset.body
    if (asset.br && /\bbr\b/.test(accepts)) {
      body = asset.br
      res.setHeader('Content-Encoding', 'br')
    } else if (asset.gzip && /\bgzip\b/.test(accepts)) {
      body = asset.gzip
      res.setHeader('Content-Encoding', 'gzip')
    }
    if (asset.br || asset.gzip) res.setHeader('Vary', 'Accept-Encoding')
    res.setHeader('Content-Type', asset.type)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    if (production) res.setHeader('Strict-Transport-Security', HSTS)
    res.setHeader('Cache-Control', asset.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=86400')
    for (const [name, value] of Object.entries(asset.headers ?? {})) res.setHeader(name, value)
    res.setHeader('Content-Length', body.length)
    res.status(200).end(req.method === 'HEAD' ? undefined : body)
  }
}

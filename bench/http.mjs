// Minimal HTTP client for the benchmark: raw bytes, no decompression, no cookie jar magic.
import { Buffer } from 'node:buffer'
import http from 'node:http'

/** @returns {Promise<{status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer}>} */
export function request(port, method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    if (body) req.end(body)
    else req.end()
  })
}

export async function waitFor(port, path = '/health', ms = 30_000) {
  const until = Date.now() + ms
  for (;;) {
    try {
      const res = await request(port, 'GET', path)
      if (res.status === 200) return
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`Nothing answered on port ${port}${path}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The `name=value` pairs of Set-Cookie headers, ready for a Cookie header. */
export function cookieOf(headers, previous = '') {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((p) => [p.split('=')[0], p]),
  )
  for (const line of headers['set-cookie'] ?? []) {
    const pair = line.split(';')[0]
    jar.set(pair.split('=')[0], pair)
  }
  return [...jar.values()].join('; ')
}

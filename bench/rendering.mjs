// What the rendering service's caching buys: the same portal with `RENDER_CACHE=off` (every
// page rendered by Nunjucks and compressed per request) beside the one as deployed (pages
// rendered once per distinct inputs, gzip and dcz spliced from pieces compressed once),
// measured in interleaved rounds in the same run. The rule: keep it only where it
// buys at least 1.5x on the question page.
import { discover, pageRequests } from './flow.mjs'
import { request, waitFor } from './http.mjs'
import { measure, warm } from './measure.mjs'

const LABEL = {
  question: 'Question page GET',
  invalid: 'Invalid POST (errors)',
  plan: 'Plan page GET',
  questionDcz: 'Question page GET, holding the dictionary',
  planDcz: 'Plan page GET, holding the dictionary',
}

/**
 * @param {object} o
 * @param {(file: string, args: string[], env: object) => import('node:child_process').ChildProcess} o.start
 * @param {string} o.server dist/server.js
 * @param {object} o.env the deployed portal's environment
 * @param {{ port: number, requests: Record<string, object> }} o.cached the running portal, as deployed
 * @param {number} o.port a free loopback port for the uncached portal
 * @param {string} o.outcomeId
 * @param {number} o.seconds per page, across the rounds
 * @param {(list: object[]) => {rps: number, p50: number, p99: number, errors: number}} o.combine
 */
export async function compareRendering({ start, server, env, cached, port, outcomeId, seconds, combine }) {
  start(server, [], { ...env, PORT: String(port), RENDER_CACHE: 'off' })
  await waitFor(port)
  const plain = { port, requests: pageRequests(await discover(port, outcomeId)) }
  const rows = []
  for (const name of Object.keys(LABEL)) {
    const targets = [
      ['cached', cached],
      ['plain', plain],
    ]
    for (const [, t] of targets) await warm(t.port, [t.requests[name]])
    const rounds = { cached: [], plain: [] }
    for (let round = 0; round < 3; round++) {
      for (const [key, t] of targets)
        rounds[key].push(await measure({ port: t.port, requests: [t.requests[name]], seconds: seconds / 3 }))
    }
    // The bytes each sends for the page: the same HTML, compressed once or per request.
    const bytes = {}
    for (const [key, t] of targets) {
      const r = t.requests[name]
      const res = await request(t.port, r.method, r.path, { headers: r.headers, body: r.body })
      bytes[key] =
        `${res.status}, ${res.body.length.toLocaleString('en-GB')} B ${res.headers['content-encoding'] ?? 'identity'}`
    }
    rows.push({ name, cached: combine(rounds.cached), plain: combine(rounds.plain), bytes })
  }
  const fmt = (n) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 })
  console.log('## What the render cache buys (the same portal with RENDER_CACHE=off, same run)\n')
  console.log(
    '| Page | Cached: bytes | req/s | p50 / p99 ms | Uncached: bytes | req/s | p50 / p99 ms | Cached ÷ uncached |',
  )
  console.log('|---|---|--:|--:|---|--:|--:|--:|')
  for (const { name, cached: c, plain: p, bytes } of rows) {
    console.log(
      `| ${LABEL[name]} | ${bytes.cached} | ${fmt(c.rps)} | ${c.p50} / ${c.p99} | ${bytes.plain} | ${fmt(p.rps)} | ${p.p50} / ${p.p99} | **${(c.rps / p.rps).toFixed(2)}×** |`,
    )
  }
  const question = rows.find((r) => r.name === 'question')
  const ratio = question ? question.cached.rps / question.plain.rps : 0
  console.log(
    `\nQuestion page: the cache buys ${ratio.toFixed(2)}× (${ratio >= 1.5 ? 'at least' : 'less than'} the 1.5× it must buy to be kept).\n`,
  )
  return rows
}

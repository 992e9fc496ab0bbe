// A burst of slow clients each sending a 1 MB form body at once, to a portal started as
// `npm start` starts it (same V8 flags): the process must come out of it alive and still
// answering, and its resident memory is reported. A benchmark that reports, not a test.
import { Buffer } from 'node:buffer'
import fs from 'node:fs'
import http from 'node:http'
import { clearInterval, setInterval } from 'node:timers'
import { discover, PROXY } from './flow.mjs'
import { request, waitFor } from './http.mjs'

const CLIENTS = Number(process.env.BENCH_BURST_CLIENTS ?? 500)
/** Just under the portal's 1 MB body limit, so every body is one the portal would read. */
const BODY_BYTES = 1_000_000
const CHUNKS = 20
/** Between chunks: each body takes about CHUNKS × this to send. */
const CHUNK_GAP_MS = 250

const rssMb = (pid, field) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024

/** One client: headers at once, then the body in CHUNKS pieces, slowly. Resolves with the status, or the error's code. */
function slowClient(port, path, headers, prefix) {
  const filler = Buffer.alloc(Math.ceil((BODY_BYTES - prefix.length) / CHUNKS), 'a')
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent: false,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': BODY_BYTES },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(String(res.statusCode)))
        res.on('error', (e) => resolve(e.code ?? 'error'))
      },
    )
    req.on('error', (e) => resolve(e.code ?? 'error'))
    let sent = 0
    const send = (piece) => {
      sent += piece.length
      return req.write(piece)
    }
    send(Buffer.from(prefix))
    const next = () => {
      if (req.destroyed) return
      const left = BODY_BYTES - sent
      if (left <= filler.length) {
        req.end(filler.subarray(0, left))
        return
      }
      send(filler)
      setTimeout(next, CHUNK_GAP_MS)
    }
    setTimeout(next, CHUNK_GAP_MS)
  })
}

/**
 * @param {object} o
 * @param {(file: string, args: string[], env: object) => import('node:child_process').ChildProcess} o.start
 * @param {string} o.server dist/server.js
 * @param {object} o.env
 * @param {number} o.port
 * @param {string} o.outcomeId
 * @param {string} o.launch the launch line, for the report
 */
export async function burst({ start, server, env, port, outcomeId, launch }) {
  const portal = start(server, [], { ...env, PORT: String(port) })
  await waitFor(port)
  const flow = await discover(port, outcomeId)
  const headers = { ...PROXY, accept: 'text/html', cookie: flow.cookie }
  // A real form post (session, CSRF token) with one field far too long for any answer.
  const prefix = `_csrf=${encodeURIComponent(flow.token)}&answer=x&note=`
  const before = rssMb(portal.pid, 'VmRSS')
  let max = before
  const timer = setInterval(() => {
    if (portal.exitCode === null) max = Math.max(max, rssMb(portal.pid, 'VmRSS'))
  }, 100)
  const t0 = Date.now()
  const outcomes = await Promise.all(
    Array.from({ length: CLIENTS }, () => slowClient(port, flow.question, headers, prefix)),
  )
  const seconds = (Date.now() - t0) / 1000
  clearInterval(timer)
  const alive = portal.exitCode === null && portal.signalCode === null
  const health = alive ? await request(port, 'GET', '/health', { headers: PROXY }).catch(() => undefined) : undefined
  const after = alive ? rssMb(portal.pid, 'VmRSS') : 0
  const peak = alive ? rssMb(portal.pid, 'VmHWM') : max
  const counts = {}
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1
  const fmt = (n) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 })
  console.log(`## A burst: ${CLIENTS} slow clients at once, each sending a 1 MB body (${launch})\n`)
  console.log(
    '| Clients | Body | Seconds | Answers | Process after | /health after | RSS before | RSS max | RSS after |',
  )
  console.log('|--:|--:|--:|---|---|--:|--:|--:|--:|')
  console.log(
    `| ${CLIENTS} | ${fmt(BODY_BYTES)} B in ${CHUNKS} pieces, ${CHUNK_GAP_MS} ms apart | ${seconds.toFixed(0)} | ${Object.entries(
      counts,
    )
      .sort()
      .map(([k, v]) => `${k}: ${v}`)
      .join(
        ', ',
      )} | **${alive ? 'alive' : `exited (${portal.exitCode ?? portal.signalCode})`}** | ${health?.status ?? '—'} | ${fmt(before)} MB | ${fmt(Math.max(max, peak))} MB | ${fmt(after)} MB |`,
  )
  console.log(
    "\n400: read, and answered with the question's error; 503: refused unread (bodies being read at once are bounded: app/middleware/body.ts); EPIPE/ECONNRESET: the client was still sending when the portal closed a refused connection.\n",
  )
  portal.kill('SIGTERM')
  return { alive, counts }
}

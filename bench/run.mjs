// `npm run bench`: the portal in production mode against its two ceilings, for the same
// bytes, plus page weight in Chromium, memory over a long run and cost growth with stored
// sessions. It prints figures and ratios; it never fails on a timing (it is not a test).
//   BENCH_SECONDS       seconds per measurement (default 8)
//   BENCH_LONG_SECONDS  time bound of the 100,000-request memory run (default 150)
//   BENCH_SKIP          comma list of sections to skip: ceilings,writes,rendering,counting,growth,memory,weight,burst
//   BENCH_BURST_CLIENTS slow clients sending 1 MB bodies at once in the burst (default 500)
//   BENCH_PORT_BASE     first of the nine loopback ports it uses (default 4301)
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { DatabaseSync } from 'node:sqlite'
import { clearInterval, setInterval } from 'node:timers'
import { discover, pageRequests } from './flow.mjs'
import { request, waitFor } from './http.mjs'
import { measure, warm } from './measure.mjs'
import { burst } from './burst.mjs'
import { compareRendering } from './rendering.mjs'
import { countWrites } from './writes.mjs'
import { compareCounting } from './insights.mjs'
import { pageWeight } from './weight.mjs'
import { LAUNCH_LINE, productionEnv, startNode, stopAll } from './launch.mjs'
import { captureForCeilings } from './capture.mjs'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '..')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const LONG_SECONDS = Number(process.env.BENCH_LONG_SECONDS ?? 150)
const LONG_REQUESTS = 100_000
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean))
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4301)
const PORTS = {
  portal: PORT_BASE,
  stack: PORT_BASE + 1,
  raw: PORT_BASE + 2,
  organisation: PORT_BASE + 3,
  plain: PORT_BASE + 4,
  burst: PORT_BASE + 5,
  framework: PORT_BASE + 6,
  writes: PORT_BASE + 7,
  uncounted: PORT_BASE + 8,
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'))
const baseEnv = productionEnv(dataDir)
const start = (file, args, env) => startNode([file, ...args], env)
process.on('SIGINT', () => process.exit(130))

function rssMb(pid, field = 'VmRSS') {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024
}

/** Least-squares slope of (seconds, MB) pairs, in MB per minute. */
function slopePerMinute(samples) {
  const n = samples.length
  if (n < 2) return 0
  const mx = samples.reduce((s, [x]) => s + x, 0) / n
  const my = samples.reduce((s, [, y]) => s + y, 0) / n
  const num = samples.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0)
  const den = samples.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  return den ? (num / den) * 60 : 0
}

const ROUNDS = 3

/** Rounds of one target together: requests over time; the median p50 and the worst p99. */
function combine(list) {
  const total = list.reduce((s, r) => s + r.total, 0)
  const seconds = list.reduce((s, r) => s + r.seconds, 0)
  const p50s = list.map((r) => r.p50).sort((a, b) => a - b)
  return {
    rps: total / seconds,
    total,
    seconds,
    p50: p50s[Math.floor(p50s.length / 2)],
    p99: Math.max(...list.map((r) => r.p99)),
    errors: list.reduce((s, r) => s + r.errors, 0),
  }
}

const pct = (a, b) => `${((100 * a) / b).toFixed(0)}%`
/** The one-minute load average: how busy the machine was while a row was measured. */
const load = () => os.loadavg()[0].toFixed(1)
const fmt = (n, d = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d })
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

async function main() {
  const { CATALOGUE } = require(path.join(root, 'dist', 'catalogue', 'index.js'))
  const outcomeId = process.env.BENCH_OUTCOME ?? CATALOGUE.outcomes[0].id
  const portal = start(path.join(root, 'dist', 'server.js'), [], { ...baseEnv, PORT: String(PORTS.portal) })
  await waitFor(PORTS.portal)
  const startRss = rssMb(portal.pid)

  const flow = await discover(PORTS.portal, outcomeId)
  const reqs = pageRequests(flow)
  console.log(`# Portal benchmark — ${new Date().toISOString()}`)
  console.log(
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${fmt(os.totalmem() / 2 ** 30, 1)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`,
  )
  console.log(
    `Outcome ${outcomeId}: question ${flow.question}, plan ${flow.plan}; 20 connections, ${SECONDS} s per measurement in ${ROUNDS} interleaved rounds; ${LAUNCH_LINE}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )

  // The exact bytes the portal sends for each page, and the citizen's session, for the ceilings.
  const { pages, pagesFile, sessionsFile } = await captureForCeilings(PORTS.portal, reqs, dataDir)

  const rows = []
  if (!skip.has('ceilings')) {
    const stackEnv = { ...baseEnv, PORT: String(PORTS.stack) }
    start(
      path.join(import.meta.dirname, 'ceiling-server.mjs'),
      ['--mode=stack', `--port=${PORTS.stack}`, `--pages=${pagesFile}`],
      stackEnv,
    )
    start(
      path.join(import.meta.dirname, 'ceiling-server.mjs'),
      ['--mode=raw', `--port=${PORTS.raw}`, `--pages=${pagesFile}`],
      baseEnv,
    )
    start(
      path.join(import.meta.dirname, 'ceiling-server.mjs'),
      ['--mode=framework', `--port=${PORTS.framework}`, `--pages=${pagesFile}`, `--sessions=${sessionsFile}`],
      baseEnv,
    )
    await waitFor(PORTS.stack)
    await waitFor(PORTS.raw, '/__bench/question')
    await waitFor(PORTS.framework)
    // The framework ceiling must find the citizen's session, or it would measure something else.
    const held = await request(PORTS.framework, 'GET', '/__bench/question', { headers: reqs.question.headers })
    if (held.status !== 200) throw new Error(`The framework ceiling did not find the session (${held.status})`)
    for (const [name, r] of Object.entries(reqs)) {
      const ceiling = { ...r, path: `/__bench/${name}` }
      const targets = [
        ['portal', PORTS.portal, r],
        ['framework', PORTS.framework, ceiling],
        ['stack', PORTS.stack, ceiling],
        ['raw', PORTS.raw, ceiling],
      ]
      for (const [, port, req] of targets) await warm(port, [req])
      // Interleaved rounds, so that load from elsewhere on the machine falls on all three alike.
      const rounds = {}
      for (let round = 0; round < ROUNDS; round++) {
        for (const [target, port, req] of targets) {
          ;(rounds[target] ??= []).push(await measure({ port, requests: [req], seconds: SECONDS / ROUNDS }))
        }
      }
      const figures = Object.fromEntries(Object.entries(rounds).map(([target, list]) => [target, combine(list)]))
      rows.push({ name, figures, page: pages[name], load: load() })
    }
    console.log('## Throughput and latency (same bytes from each server)\n')
    console.log(
      '| Page | Status, bytes | Portal req/s | p50 / p99 ms | Framework ceiling req/s | Stack ceiling req/s | Raw ceiling req/s | Portal ÷ framework (goal ≥ 60%) | Portal ÷ stack | Portal ÷ raw | Load avg |',
    )
    console.log('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|')
    const label = {
      question: 'Question page GET (session)',
      invalid: 'Invalid POST (errors)',
      plan: 'Plan page GET',
      questionDcz: 'Question page GET, holding the dictionary',
      planDcz: 'Plan page GET, holding the dictionary',
      firstVisit: 'Question page GET, first visit (no cookie)',
    }
    for (const row of rows) {
      const { name, figures: f, page } = row
      const enc = page.headers['content-encoding'] ?? 'identity'
      console.log(
        `| ${label[name]} | ${page.status}, ${fmt(page.bytes)} B ${enc} | ${fmt(f.portal.rps)} | ${f.portal.p50} / ${f.portal.p99}${f.portal.p99 < 30 ? '' : ' (goal < 30)'} | ${fmt(f.framework.rps)} | ${fmt(f.stack.rps)} | ${fmt(f.raw.rps)} | **${pct(f.portal.rps, f.framework.rps)}** | ${pct(f.portal.rps, f.stack.rps)} | ${pct(f.portal.rps, f.raw.rps)} | ${row.load} |`,
      )
      const bad = f.portal.errors + f.framework.errors + f.stack.errors + f.raw.errors
      if (bad)
        console.log(
          `|  | socket errors/timeouts: portal ${f.portal.errors}, framework ${f.framework.errors}, stack ${f.stack.errors}, raw ${f.raw.errors} | | | | | | | | | |`,
        )
    }
    const returning = rows.find((r) => r.name === 'question')?.figures.portal
    const first = rows.find((r) => r.name === 'firstVisit')?.figures.portal
    if (returning && first)
      console.log(
        `\nFirst visit ÷ returning visitor, question page: **${pct(first.rps, returning.rps)}** (${fmt(first.rps)} and ${fmt(returning.rps)} req/s; goal: 50% or more, issue #20).`,
      )
    console.log('')
  }

  if (!skip.has('writes')) {
    await countWrites({
      start,
      env: { ...baseEnv, DATA_DIR: path.join(dataDir, 'writes') },
      port: PORTS.writes,
      outcomeId,
    })
  }

  if (!skip.has('rendering')) {
    await compareRendering({
      start,
      server: path.join(root, 'dist', 'server.js'),
      env: { ...baseEnv, DATA_DIR: path.join(dataDir, 'uncached') },
      cached: { port: PORTS.portal, requests: reqs },
      port: PORTS.plain,
      outcomeId,
      seconds: SECONDS,
      combine,
    })
  }

  if (!skip.has('counting')) {
    await compareCounting({
      start,
      server: path.join(root, 'dist', 'server.js'),
      env: { ...baseEnv, DATA_DIR: path.join(dataDir, 'uncounted') },
      counted: { port: PORTS.portal, requests: reqs, dataDir },
      port: PORTS.uncounted,
      outcomeId,
      seconds: SECONDS,
      combine,
    })
  }

  if (!skip.has('growth')) {
    // Sessions written straight into the portal's store (the citizen's own session is among them).
    const db = new DatabaseSync(path.join(dataDir, 'portal.sqlite'))
    db.exec('PRAGMA busy_timeout = 5000')
    const insert = db.prepare('INSERT OR IGNORE INTO sessions (sid, data, expires_at) VALUES (?, ?, ?)')
    // The benchmark's own sessions carry a prefix, so a round can go back to fewer.
    const fill = (target) => {
      db.exec('BEGIN')
      db.prepare("DELETE FROM sessions WHERE sid LIKE 'bench-%'").run()
      const have = Number(db.prepare('SELECT count(*) AS n FROM sessions').get().n)
      for (let i = have; i < target; i++) {
        const sid = `bench-${randomBytes(24).toString('base64url')}`
        const data = JSON.stringify({
          cookie: {
            originalMaxAge: 1200000,
            expires: new Date(Date.now() + 3.6e6).toISOString(),
            secure: true,
            httpOnly: true,
            path: '/',
            sameSite: 'lax',
          },
          csrfToken: randomBytes(32).toString('hex'),
          triage: { 'work-in-care': { nation: 'wales' } },
        })
        insert.run(sid, data, Date.now() + 3.6e6)
      }
      db.exec('COMMIT')
    }
    // Interleaved rounds (1,000, then 100,000, then 1,000 again …), so that load from elsewhere
    // on the machine falls on both sizes alike.
    const rounds = { 1000: [], 100000: [] }
    const loads = []
    for (let round = 0; round < ROUNDS; round++) {
      for (const n of [1_000, 100_000]) {
        fill(n)
        await warm(PORTS.portal, [reqs.question], 1)
        rounds[n].push(await measure({ port: PORTS.portal, requests: [reqs.question], seconds: SECONDS / ROUNDS }))
        loads.push(load())
      }
    }
    db.close()
    const growth = [1_000, 100_000].map((n, i) => ({
      n,
      q: combine(rounds[n]),
      load: loads.filter((_, j) => j % 2 === i).join(', '),
    }))
    const [small, large] = growth
    console.log('## Cost growth with stored sessions (question page GET)\n')
    console.log('| Stored sessions | req/s | p50 / p99 ms | Load avg |')
    console.log('|--:|--:|--:|--:|')
    for (const g of growth) console.log(`| ${fmt(g.n)} | ${fmt(g.q.rps)} | ${g.q.p50} / ${g.q.p99} | ${g.load} |`)
    console.log(`\nTime per request at 100,000 ÷ at 1,000: ${(small.q.rps / large.q.rps).toFixed(2)}×\n`)
  }

  if (!skip.has('memory')) {
    const samples = []
    const loadAtStart = load()
    const t0 = Date.now()
    // Resident size splits into private memory (heap, buffers, SQLite's cache: what the
    // process itself costs) and file-backed pages (Node's own code, mapped from its binary
    // and shared by every process running that binary); both are shown.
    const split = { anon: 0, file: 0 }
    const timer = setInterval(() => {
      samples.push([(Date.now() - t0) / 1000, rssMb(portal.pid)])
      split.anon = Math.max(split.anon, rssMb(portal.pid, 'RssAnon'))
      split.file = Math.max(split.file, rssMb(portal.pid, 'RssFile'))
    }, 1000)
    const long = await measure({
      port: PORTS.portal,
      requests: [reqs.question, reqs.invalid, reqs.plan],
      amount: LONG_REQUESTS,
      seconds: LONG_SECONDS,
    })
    clearInterval(timer)
    const rss = samples.map(([, y]) => y)
    const secondHalf = samples.slice(Math.floor(samples.length / 2))
    console.log('## Memory over a long run (question, invalid POST, plan in turn)\n')
    console.log(
      '| Requests | Seconds | RSS at start | RSS max | RSS at end | Trend, second half | Load avg, start / end |',
    )
    console.log('|--:|--:|--:|--:|--:|--:|--:|')
    console.log(
      `| ${fmt(long.total)} | ${fmt(long.seconds, 0)} | ${fmt(startRss)} MB | ${fmt(Math.max(...rss))} MB | ${fmt(rss.at(-1) ?? 0)} MB | ${slopePerMinute(secondHalf).toFixed(2)} MB/min | ${loadAtStart} / ${load()} |`,
    )
    console.log(
      `\nOf the resident size: private (RssAnon) at most ${fmt(split.anon)} MB; file-backed (RssFile: Node's binary and libraries, shared) at most ${fmt(split.file)} MB.`,
    )
    console.log(`\nLatency over the run: p50 ${long.p50} ms, p99 ${long.p99} ms, ${long.errors} errors\n`)
  }

  if (!skip.has('weight')) {
    start(path.join(root, 'dist', 'server.js'), [], {
      ...baseEnv,
      BRAND: 'organisation',
      PORT: String(PORTS.organisation),
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-org-')),
    })
    await waitFor(PORTS.organisation)
    console.log('## Page weight in Chromium (bytes on the wire, headers included)\n')
    console.log(
      '| Brand | First visit, cold cache | HTML | CSS | JS | Fonts | Icons | Page dictionary | Next page, warm | Reload, warm | Budget first / next |',
    )
    console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|')
    for (const [brand, port, budget] of [
      ['govuk', PORTS.portal, 100],
      ['organisation', PORTS.organisation, 40],
    ]) {
      const w = await pageWeight(`http://127.0.0.1:${port}`, flow.question)
      const k = (kind) => kb(w.cold.byKind[kind] ?? 0)
      console.log(
        `| ${brand} | **${kb(w.cold.total)}** (${w.cold.requests} requests) | ${k('html')} | ${k('css')} | ${k('js')} | ${k('font')} | ${k('icon')} | ${k('dictionary')} | **${kb(w.next.total)}** (${Object.keys(w.next.byKind).join(', ')}; ${w.next.encodings.join(', ')}) | ${kb(w.reload.total)} (${w.reload.encodings.join(', ')}) | ${budget} KB / 6 KB |`,
      )
    }
    console.log('')
  }

  if (!skip.has('burst')) {
    await burst({
      start,
      server: path.join(root, 'dist', 'server.js'),
      env: { ...baseEnv, DATA_DIR: path.join(dataDir, 'burst') },
      port: PORTS.burst,
      outcomeId,
      launch: LAUNCH_LINE,
    })
  }
}

main()
  .catch((error) => {
    console.error('Benchmark failed:', error)
    process.exitCode = 1
  })
  .finally(() => {
    stopAll()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

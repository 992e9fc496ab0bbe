// `npm run bench:layers`: where a page's time goes, handler by handler, in the portal and in
// the framework ceiling (bench/ceiling-server.mjs) serving the same bytes. Both run as in
// production (the start script's environment and V8 flags).
//   1. The CPU time a request costs each, read from /proc while each serves a page at 20
//      connections: the budget the 60% goal of #21 leaves the portal.
//   2. Both again with bench/layer-timing.mjs loaded into them: the time each Express handler
//      (and Node's res.end and socket write) took on its own per request, side by side, so
//      the framework's own pieces can be compared as they run in each process. Timing every
//      call costs time too (the tracing channel and two clock reads a call): read the shares
//      there, and take the CPU times from part 1.
// It prints figures; it never fails on a timing.
//   BENCH_SECONDS    seconds per page and server (default 8)
//   BENCH_PORT_BASE  first of the four loopback ports it uses (default 4311)
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { captureForCeilings } from './capture.mjs'
import { discover, pageRequests } from './flow.mjs'
import { waitFor } from './http.mjs'
import { LAUNCH_LINE, productionEnv, startNode as start } from './launch.mjs'
import { measure, warm } from './measure.mjs'

const root = path.resolve(import.meta.dirname, '..')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 4311)
const PORTS = { portal: PORT_BASE, framework: PORT_BASE + 1, timedPortal: PORT_BASE + 2, timedFramework: PORT_BASE + 3 }
const PAGES = { question: 'Question page GET', invalid: 'Invalid POST', plan: 'Plan page GET' }
/** The 60% goal of #21: the portal's rate against the framework ceiling's. */
const GOAL = 0.6
/** Handlers under this share of both servers' CPU time a request are summed into one row. */
const SHOWN_FROM = 0.01
const TIMING = path.join(import.meta.dirname, 'layer-timing.mjs')
const SERVER = path.join(root, 'dist', 'server.js')
const CEILING = path.join(import.meta.dirname, 'ceiling-server.mjs')

const tempDir = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `portal-layers-${name}-`))
const fmt = (n, d = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d })
const pct = (n) => `${(100 * n).toFixed(1)}%`

/** CPU time a process has used so far, in µs (utime + stime from /proc, in 10 ms clock ticks). */
function cpuOf(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10_000
}

/** One measurement, with the CPU time the server spent on each request. */
async function cpuPerRequest(child, port, req) {
  await warm(port, [req])
  const from = cpuOf(child.pid)
  const run = await measure({ port, requests: [req], seconds: SECONDS })
  return { rps: run.rps, cpu: (cpuOf(child.pid) - from) / run.total }
}

/** A server with layer-timing.mjs loaded: `collect()` returns its figures since the last call. */
function timedServer(args, env) {
  const report = path.join(tempDir('report'), 'layers.json')
  const child = start([`--import=${TIMING}`, ...args], { ...env, LAYER_TIMING_FILE: report })
  async function collect() {
    fs.rmSync(report, { force: true })
    child.kill('SIGUSR2')
    for (let waited = 0; !fs.existsSync(report); waited += 20) {
      if (waited > 10_000) throw new Error('A timed server wrote no layer timings')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const { requests, cpuMicroseconds, handlers } = JSON.parse(fs.readFileSync(report, 'utf8'))
    const each = new Map()
    for (const h of handlers) each.set(h.label, (each.get(h.label) ?? 0) + h.microseconds / requests)
    return { cpu: cpuMicroseconds / requests, each }
  }
  return { collect }
}

async function timedRun(server, port, req) {
  await warm(port, [req])
  await server.collect()
  await measure({ port, requests: [req], seconds: SECONDS })
  return server.collect()
}

function printSideBySide(title, portal, framework) {
  console.log(`### ${title}\n`)
  console.log(
    '| Handler, its own time (without the handlers it calls) | Portal µs a request | Framework µs a request |',
  )
  console.log('|---|--:|--:|')
  const labels = [...new Set([...portal.each.keys(), ...framework.each.keys()])].sort(
    (a, b) => (portal.each.get(b) ?? 0) - (portal.each.get(a) ?? 0),
  )
  const cell = (m, label) => (m.each.has(label) ? fmt(m.each.get(label)) : '')
  const small = (label) =>
    (portal.each.get(label) ?? 0) < SHOWN_FROM * portal.cpu &&
    (framework.each.get(label) ?? 0) < SHOWN_FROM * framework.cpu
  for (const label of labels.filter((l) => !small(l)))
    console.log(`| ${label} | ${cell(portal, label)} | ${cell(framework, label)} |`)
  const rest = labels.filter(small)
  const sum = (m) => rest.reduce((s, l) => s + (m.each.get(l) ?? 0), 0)
  console.log(
    `| ${rest.length} other handlers, each under ${pct(SHOWN_FROM)} of either server's time | ${fmt(sum(portal))} | ${fmt(sum(framework))} |`,
  )
  const outside = (m) => m.cpu - [...m.each.values()].reduce((s, v) => s + v, 0)
  console.log(
    `| Outside any handler: Node's HTTP parsing, express-session after its store read, promise continuations, garbage collection | ${fmt(outside(portal))} | ${fmt(outside(framework))} |`,
  )
  console.log(`| **CPU time a request, while timed** | **${fmt(portal.cpu)}** | **${fmt(framework.cpu)}** |\n`)
}

async function main() {
  const data = tempDir('portal')
  const env = productionEnv(data)
  const portal = start([SERVER], { ...env, PORT: String(PORTS.portal) })
  await waitFor(PORTS.portal)
  const reqs = pageRequests(await discover(PORTS.portal, 'work-in-care'))
  const { pagesFile, sessionsFile } = await captureForCeilings(PORTS.portal, reqs, data)
  const ceilingArgs = (port) => [
    CEILING,
    '--mode=framework',
    `--port=${port}`,
    `--pages=${pagesFile}`,
    `--sessions=${sessionsFile}`,
  ]
  const framework = start(ceilingArgs(PORTS.framework), env)
  await waitFor(PORTS.framework)
  const ceilingReq = (name) => ({ ...reqs[name], path: `/__bench/${name}` })

  console.log(`# Where a page's time goes — ${new Date().toISOString()}`)
  console.log(
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${LAUNCH_LINE}; 20 connections, ${SECONDS} s a page and server; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )
  console.log('## CPU time a request, portal and framework ceiling (same bytes)\n')
  console.log(
    `| Page | Portal req/s | Portal µs a request | Framework req/s | Framework µs a request | The portal's budget at ${pct(GOAL)} of the framework's rate | Over the budget by |`,
  )
  console.log('|---|--:|--:|--:|--:|--:|--:|')
  for (const [name, title] of Object.entries(PAGES)) {
    const mine = await cpuPerRequest(portal, PORTS.portal, reqs[name])
    const theirs = await cpuPerRequest(framework, PORTS.framework, ceilingReq(name))
    const budget = theirs.cpu / GOAL
    console.log(
      `| ${title} | ${fmt(mine.rps, 0)} | ${fmt(mine.cpu, 0)} | ${fmt(theirs.rps, 0)} | ${fmt(theirs.cpu, 0)} | ${fmt(budget, 0)} µs | ${fmt(Math.max(0, mine.cpu - budget), 0)} µs |`,
    )
  }
  console.log('')
  portal.kill('SIGTERM')
  framework.kill('SIGTERM')

  // The timed framework reads the same session, so it shares the secret that signed the cookie.
  const timedFramework = timedServer(ceilingArgs(PORTS.timedFramework), env)
  const timedPortal = timedServer([SERVER], { ...productionEnv(tempDir('timed')), PORT: String(PORTS.timedPortal) })
  await waitFor(PORTS.timedFramework)
  await waitFor(PORTS.timedPortal)
  const timedReqs = pageRequests(await discover(PORTS.timedPortal, 'work-in-care'))
  console.log('## Handler by handler\n')
  for (const [name, title] of Object.entries(PAGES)) {
    const mine = await timedRun(timedPortal, PORTS.timedPortal, timedReqs[name])
    const theirs = await timedRun(timedFramework, PORTS.timedFramework, ceilingReq(name))
    printSideBySide(title, mine, theirs)
  }
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })

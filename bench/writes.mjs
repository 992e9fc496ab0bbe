// Database writes per 1,000 returning page views. The portal's own app, assembled as the
// server assembles it (bootstrap + createApp, production mode, SQLite), in a child process
// that counts every statement that writes — the session store's and everyone else's (the
// insights counts' upserts, say) — and runs on a clock the benchmark can move on, so a
// citizen reading each page for a while can be played in a second. Two benchmark-only GET
// routes: /__bench/writes (the counts) and /__bench/advance/:ms (moves the clock on).
import path from 'node:path'
import { createRequire } from 'node:module'
import { discover, pageRequests } from './flow.mjs'
import { request, waitFor } from './http.mjs'

const root = path.resolve(import.meta.dirname, '..')

async function serve(port) {
  const require = createRequire(import.meta.url)
  const { loadConfig } = require(path.join(root, 'dist', 'config.js'))
  const { bootstrap } = require(path.join(root, 'dist', 'bootstrap.js'))
  const { createApp } = require(path.join(root, 'dist', 'app.js'))
  const { Router } = require('express')
  let offset = 0
  const clock = () => new Date(Date.now() + offset)
  const runtime = await bootstrap(loadConfig(process.env), { clock })
  const counts = { statements: 0, transactions: 0, sessionWrites: 0 }
  const { db, sessionStore } = runtime
  const run = db.run.bind(db)
  db.run = (...args) => {
    counts.statements++
    return run(...args)
  }
  const transaction = db.transaction.bind(db)
  db.transaction = (...args) => {
    counts.transactions++
    return transaction(...args)
  }
  for (const method of ['set', 'touch', 'destroy']) {
    const original = sessionStore[method]?.bind(sessionStore)
    if (!original) continue
    sessionStore[method] = (...args) => {
      counts.sessionWrites++
      return original(...args)
    }
  }
  const router = Router()
  router.get('/__bench/writes', (_req, res) => res.json(counts))
  router.get('/__bench/advance/:ms', (req, res) => {
    offset += Number(req.params.ms)
    res.json({ offset })
  })
  createApp(runtime, { routes: [router] }).listen(port, '127.0.0.1')
}

const countsOf = async (port) => JSON.parse((await request(port, 'GET', '/__bench/writes')).body.toString('utf8'))

/**
 * One citizen's returning page views (the question and the plan in turn, or the invalid POST),
 * `seconds` apart on the portal's clock; returns the writes they cost, per 1,000 views.
 */
async function views(port, requests, count, seconds) {
  const before = await countsOf(port)
  for (let i = 0; i < count; i++) {
    if (seconds) await request(port, 'GET', `/__bench/advance/${seconds * 1000}`)
    const r = requests[i % requests.length]
    const res = await request(port, r.method, r.path, { headers: r.headers, body: r.body })
    if (res.status >= 500) throw new Error(`${r.method} ${r.path} answered ${res.status}`)
  }
  const after = await countsOf(port)
  const per = (key) => ((after[key] - before[key]) * 1000) / count
  return { sessionWrites: per('sessionWrites'), statements: per('statements'), transactions: per('transactions') }
}

/** Runs the counting server and prints the table. */
export async function countWrites({ start, env, port, outcomeId, count = 1000 }) {
  start(path.join(import.meta.dirname, 'writes.mjs'), ['--serve', `--port=${port}`], { ...env, PORT: String(port) })
  await waitFor(port)
  const reqs = pageRequests(await discover(port, outcomeId))
  const rows = [
    ['Question and plan GET, as fast as they come', [reqs.question, reqs.plan], 0],
    ['Question and plan GET, one every 10 s', [reqs.question, reqs.plan], 10],
    ['Question and plan GET, one every 30 s', [reqs.question, reqs.plan], 30],
    ['Invalid POST, as fast as they come', [reqs.invalid], 0],
  ]
  console.log(`## Database writes per ${count.toLocaleString('en-GB')} returning page views (one citizen)\n`)
  console.log('| Page views | Session store writes | SQL writes (statements + transactions) | Goal |')
  console.log('|---|--:|--:|--:|')
  for (const [label, requests, seconds] of rows) {
    const w = await views(port, requests, count, seconds)
    console.log(`| ${label} | ${w.sessionWrites.toFixed(0)} | ${(w.statements + w.transactions).toFixed(0)} | < 20 |`)
  }
  console.log(
    '\nA page view that changes nothing renews the stored session at most once a minute, so one citizen costs at most one session write a minute; the SQL writes include the insights counts, flushed once a second by each instance.\n',
  )
}

if (process.argv.includes('--serve')) {
  const port = Number(process.argv.find((a) => a.startsWith('--port='))?.slice('--port='.length))
  await serve(port)
}

// What service-owner counting costs (issue #17: at most 5% of question-page throughput): the
// same portal with `INSIGHTS_COUNTING=off` beside the one as deployed (counting on), on the
// question page GET, in interleaved rounds of the same run, the order swapped every round so
// that load from elsewhere on the machine falls on both alike. It then reads the counted
// portal's database to show that the views were really counted.
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { setTimeout as sleep } from 'node:timers/promises'
import { discover, pageRequests } from './flow.mjs'
import { waitFor } from './http.mjs'
import { measure, warm } from './measure.mjs'

const ROUNDS = 6
const LIMIT = 0.05

/**
 * @param {object} o
 * @param {(file: string, args: string[], env: object) => import('node:child_process').ChildProcess} o.start
 * @param {string} o.server dist/server.js
 * @param {object} o.env the deployed portal's environment
 * @param {{ port: number, requests: Record<string, object>, dataDir: string }} o.counted the running portal, as deployed
 * @param {number} o.port a free loopback port for the portal that does not count
 * @param {string} o.outcomeId
 * @param {number} o.seconds across the rounds, per portal
 * @param {(list: object[]) => {rps: number, p50: number, p99: number, errors: number}} o.combine
 */
export async function compareCounting({ start, server, env, counted, port, outcomeId, seconds, combine }) {
  start(server, [], { ...env, PORT: String(port), INSIGHTS_COUNTING: 'off' })
  await waitFor(port)
  const uncounted = { port, requests: pageRequests(await discover(port, outcomeId)) }
  const targets = [
    ['counted', counted],
    ['uncounted', uncounted],
  ]
  for (const [, t] of targets) await warm(t.port, [t.requests.question])
  const rounds = { counted: [], uncounted: [] }
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? [...targets].reverse() : targets
    for (const [key, t] of order)
      rounds[key].push(await measure({ port: t.port, requests: [t.requests.question], seconds: seconds / ROUNDS }))
  }
  const on = combine(rounds.counted)
  const off = combine(rounds.uncounted)
  // The counts reach the database within a second (FLUSH_EVERY_MS); wait for that, then read them.
  await sleep(1500)
  const db = new DatabaseSync(path.join(counted.dataDir, 'portal.sqlite'), { readOnly: true })
  const views = db.prepare("SELECT COALESCE(SUM(n), 0) AS n FROM insight_counts WHERE measure = 'question-view'").get()
  db.close()
  const fmt = (n) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 })
  const cost = 1 - on.rps / off.rps
  console.log('## What counting for service owners costs (the same portal with INSIGHTS_COUNTING=off, same run)\n')
  console.log('| Question page GET | req/s | p50 / p99 ms | Errors |')
  console.log('|---|--:|--:|--:|')
  console.log(`| Counting (as deployed) | ${fmt(on.rps)} | ${on.p50} / ${on.p99} | ${on.errors} |`)
  console.log(`| Not counting | ${fmt(off.rps)} | ${off.p50} / ${off.p99} | ${off.errors} |`)
  console.log(
    `\nCounting ÷ not counting: **${(on.rps / off.rps).toFixed(3)}** — counting costs ${cost <= 0 ? 'nothing measurable (the counting portal was the faster)' : `${(100 * cost).toFixed(1)}% of question-page throughput`} (${cost <= LIMIT ? 'within' : 'OVER'} the 5% allowed); ${fmt(Number(views.n))} question views counted in the database by the counting portal.\n`,
  )
  return { on, off, views: Number(views.n) }
}

// `npm run bench:load`: a bounded, multi-step citizen journey under load on loopback, once on
// the one-machine deployment (SQLite, sessions in it) and once on the several-instances one
// (PostgreSQL + Redis). Prints requests per second, p50/p99 latency, errors and the portal's
// peak memory for each. A benchmark, not a test: it asserts nothing and never runs in jest.
import fs from 'node:fs'
import autocannon from 'autocannon'
import { startPortal, type PortalProcess } from '../test/helpers/portal-process'
import { createTestDatabase, servicesAvailable, TEST_REDIS_URL, type TestDatabase } from '../test/helpers/services'
import { journey } from './journey'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
/** Measured as deployed: production mode caches templates and logs only warnings. */
const PRODUCTION = { NODE_ENV: 'production', SERVICE_URL: 'https://portal.example', LOG_LEVEL: 'warn' }

/** Peak resident memory of a process so far (Linux VmHWM), in MB. */
function peakMemoryMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1]
    return kb ? Math.round(Number(kb) / 1024) : undefined
  } catch {
    return undefined
  }
}

interface Row {
  backend: string
  'req/s': number
  'p50 ms': number
  'p99 ms': number
  errors: number
  'non-2xx/3xx': number
  journeys: number
  'peak MB': number | string
}

async function measure(backend: string, portal: PortalProcess): Promise<Row> {
  const result = await autocannon({
    url: portal.url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: journey(),
  })
  return {
    backend,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.timeouts,
    // 2xx and the POST-redirect-GET 3xx are the journey working; anything else is a failure.
    'non-2xx/3xx': result['4xx'] + result['5xx'],
    journeys: Math.floor(result.requests.total / journey().length),
    'peak MB': peakMemoryMb(portal.child.pid) ?? 'n/a',
  }
}

async function main(): Promise<void> {
  const rows: Row[] = []
  const sqlite = await startPortal(PRODUCTION)
  try {
    rows.push(await measure('SQLite (one machine)', sqlite))
  } finally {
    await sqlite.stop()
  }
  if (servicesAvailable('postgres', 'redis')) {
    let database: TestDatabase | undefined
    let portal: PortalProcess | undefined
    try {
      database = await createTestDatabase()
      portal = await startPortal({ ...PRODUCTION, DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL })
      rows.push(await measure('PostgreSQL + Redis', portal))
    } finally {
      await portal?.stop()
      await database?.drop()
    }
  }
  console.log(
    `\n${CONNECTIONS} connections, ${SECONDS} s per backend; one "journey" = every step once, new session each time\n`,
  )
  console.table(rows)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

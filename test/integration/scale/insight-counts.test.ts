import type { Db, SqlValue } from '../../../app/store/db'
import { migrate } from '../../../app/store/migrate'
import { InsightCounter } from '../../../app/insights/service/counter'
import type { InsightEvent } from '../../../app/insights/measures'
import { contractBackends } from '../../helpers/backends'
import { TestClock } from '../../helpers/clock'
import { spawnTsChild } from '../../helpers/ts-child'

/** Runs one counting instance in a process of its own; resolves with how many it counted. */
function countInChild(dialect: string, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawnTsChild('count-insights.ts', [dialect, target, '40'])
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve((JSON.parse(out) as { counted: number }).counted)
        : reject(new Error(`exit ${code}: ${err}`)),
    )
  })
}

const event = (subject: string, language: 'en' | 'cy' = 'en'): InsightEvent => ({
  outcome: 'caring',
  nation: 'wales',
  language,
  channel: 'online',
  measure: 'question-view',
  subject,
})

// Counting must be exact whichever database is behind it and however many instances add to it.
describe.each(contractBackends())('insight counts on $dialect', (factory) => {
  let handle: Awaited<ReturnType<typeof factory.create>>
  let a: Db
  let b: Db
  const clock = new TestClock()

  beforeEach(async () => {
    handle = await factory.create()
    a = handle.open()
    b = handle.open()
    await migrate(a, clock.now)
  })

  afterEach(async () => {
    await Promise.all([a.close(), b.close()])
    await handle.destroy()
  })

  it('adds up exactly when two instances count the same cells and flush at the same time', async () => {
    // Two processes, each an instance with its own connection, 40 rounds of counts and flushes each.
    const counted = await Promise.all([
      countInChild(factory.dialect, handle.target),
      countInChild(factory.dialect, handle.target),
    ])
    const rows = await a.all<{ subject: string; n: number }>(
      "SELECT subject, n FROM insight_counts WHERE measure = 'question-view' ORDER BY subject",
    )
    expect(rows.map((r) => r.subject)).toEqual(['hours', 'nation', 'relationship'])
    // Per subject, each child counted a third of its total.
    const perSubject = counted.reduce((sum, n) => sum + n, 0) / 3
    expect(perSubject).toBe(2 * (14 * 1 + 13 * 2 + 13 * 3))
    for (const row of rows) expect(Number(row.n)).toBe(perSubject)
  }, 60_000)

  it('adds up exactly when two counters in one process share one database', async () => {
    const counters = [new InsightCounter(a, clock.now), new InsightCounter(a, clock.now)]
    for (let round = 0; round < 10; round++) {
      for (const counter of counters) counter.count(event('hours'), 2)
      await Promise.all(counters.map((c) => c.flush()))
    }
    const row = await a.get<{ n: number }>("SELECT n FROM insight_counts WHERE subject = 'hours'")
    expect(Number(row?.n)).toBe(40)
  })

  it('puts a failed flush back and writes it with the next one, counting nothing twice', async () => {
    // The database refuses the first flush (an outage), then answers again.
    let refuse = true
    const flaky: Db = Object.assign(Object.create(b) as Db, {
      run: (sql: string, params?: readonly SqlValue[]) => {
        if (refuse) return Promise.reject(new Error('database unavailable'))
        return b.run(sql, params)
      },
    })
    const counter = new InsightCounter(flaky, clock.now)
    counter.count(event('nation'), 4)
    await expect(counter.flush()).rejects.toThrow('database unavailable')
    refuse = false
    counter.count(event('nation'), 1)
    await counter.flush()
    await counter.flush()
    const row = await a.get<{ n: number }>("SELECT n FROM insight_counts WHERE subject = 'nation'")
    expect(Number(row?.n)).toBe(5)
  })

  it('keeps days apart by the injected clock, and stop() writes what is left', async () => {
    const counter = new InsightCounter(a, clock.now)
    counter.count(event('nation', 'cy'))
    clock.advance(24 * 60 * 60 * 1000)
    counter.count(event('nation', 'cy'))
    await counter.stop()
    const rows = await a.all<{ day: string; n: number }>('SELECT day, n FROM insight_counts ORDER BY day')
    expect(rows.map((r) => Number(r.n))).toEqual([1, 1])
    expect(rows[0]?.day).not.toBe(rows[1]?.day)
  })
})

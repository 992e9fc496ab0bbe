import type { Clock } from '../../clock'
import type { Db } from '../../store/db'
import type { InsightEvent } from '../measures'

/** How often an instance adds what it has counted to the database. */
export const FLUSH_EVERY_MS = 1000

/**
 * A count kept in memory holds at most this many cells; past it, counting flushes at once
 * rather than grow without bound (a database outage, or a flood of distinct subjects).
 */
const MAX_CELLS = 5000

const UPSERT = `INSERT INTO insight_counts (day, outcome, nation, language, channel, measure, subject, n)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (day, outcome, nation, language, channel, measure, subject) DO UPDATE SET n = insight_counts.n + excluded.n`

/**
 * What a subject may look like: ids, copy keys and numbers. Anything else is counted as
 * `other`, so no slip upstream (a message built from input) could ever store what was typed.
 */
const SAFE_SUBJECT = /^[A-Za-z0-9._:/-]{0,200}$/

/** The cell's key: its primary-key fields joined by a separator no id or copy key contains. */
const SEPARATOR = '\u001f'

/**
 * Counts journeys for service owners without cookies or personal data (app/insights/measures.ts).
 *
 * Why in memory first: a database write on every question page would cost a page's worth of
 * time on a busy instance (issue #17 allows counting 5% of question-page throughput). Each
 * instance adds up its events per cell in a Map and, every second, adds each cell's number to
 * the stored one with an atomic upsert (`n = n + excluded.n`). Additions commute, so any
 * number of instances flushing at once sum exactly on both databases. What a crash loses is
 * at most the last second's counts of that instance.
 */
export class InsightCounter {
  private pending = new Map<string, number>()
  private flushing: Promise<void> = Promise.resolve()
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** Off only where the benchmark measures what counting costs (INSIGHTS_COUNTING=off). */
    private readonly enabled = true,
  ) {}

  /** Adds one to the event's cell for today (UTC day from the injected clock). */
  count(event: InsightEvent, by = 1): void {
    if (!this.enabled) return
    const day = this.clock().toISOString().slice(0, 10)
    const key = [
      day,
      event.outcome,
      event.nation,
      event.language,
      event.channel,
      event.measure,
      SAFE_SUBJECT.test(event.subject ?? '') ? (event.subject ?? '') : 'other',
    ].join(SEPARATOR)
    this.pending.set(key, (this.pending.get(key) ?? 0) + by)
    if (this.pending.size >= MAX_CELLS) void this.flush().catch(() => undefined)
  }

  /**
   * Writes everything counted so far. Flushes run one after another; a flush that fails
   * (database unavailable) puts its numbers back to go with the next one.
   */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.write())
    this.flushing = run.catch(() => undefined)
    return run
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return
    const batch = this.pending
    this.pending = new Map()
    const cells = [...batch.keys()].sort()
    // One atomic upsert per cell, not one transaction for all: a SQLite transaction held
    // across awaits would block another connection to the same file, and each upsert is
    // exact on its own. A failure puts back only the cells not yet written.
    let written = 0
    try {
      for (const key of cells) {
        await this.db.run(UPSERT, [...key.split(SEPARATOR), batch.get(key) ?? 0])
        written++
      }
    } catch (error) {
      for (const key of cells.slice(written))
        this.pending.set(key, (this.pending.get(key) ?? 0) + (batch.get(key) ?? 0))
      throw error
    }
  }

  /** Flushes every FLUSH_EVERY_MS until stopped; failures are retried on the next tick. */
  start(onError: (error: unknown) => void, everyMs = FLUSH_EVERY_MS): void {
    this.timer = setInterval(() => this.flush().catch(onError), everyMs)
    // Counting must never keep a process alive that has nothing else to do.
    this.timer.unref()
  }

  /** Stops the timer and writes what is left (on shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.flush()
  }
}

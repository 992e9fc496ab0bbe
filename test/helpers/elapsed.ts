import fs from 'node:fs'

/**
 * Time limits that are product requirements ("the Sorry page within 2 seconds") measured so
 * that a busy machine cannot fail them. On the shared 2-core machine the load average is
 * often 15 or more: a thread that is ready to run can wait seconds for a CPU, and that wait
 * is the machine's, not the portal's. Linux counts it per thread (the second figure of
 * /proc/thread-self/schedstat: nanoseconds spent runnable on a run queue, not running), so
 * the time a test holds to the limit is the time on the clock minus that wait: what the
 * same run would take with a CPU free. Time spent asleep — on a deadline timer, on a socket
 * — still counts in full, so a deadline the portal fails to keep still fails the test.
 *
 * Tests calling this run the portal in their own process (supertest, listenLocally), so the
 * thread measured is the one serving the request. Every run-queue wait of that thread in the
 * window is taken away, a wait for unrelated work on it too, so a measured window should hold
 * one request and nothing else (Jest's own start-up work comes before the first test).
 * Where schedstat is missing (not Linux), the figure is the plain clock time, and says so.
 */
export interface Elapsed {
  /** Milliseconds on the clock, less the time spent waiting for a CPU. */
  ms: number
  /** Milliseconds on the clock. */
  wallMs: number
  /** Milliseconds the thread was ready to run but had no CPU; undefined where the kernel does not say. */
  cpuWaitMs: number | undefined
}

const SCHEDSTAT = '/proc/thread-self/schedstat'

/** Nanoseconds this thread has spent waiting on a run queue, or undefined where it cannot be read. */
export function runQueueWaitNs(): bigint | undefined {
  try {
    const wait = fs.readFileSync(SCHEDSTAT, 'utf8').trim().split(/\s+/)[1]
    return wait === undefined ? undefined : BigInt(wait)
  } catch {
    return undefined
  }
}

/** Runs `work` and measures it (see above). `work` may reject: the rejection is returned as `error`. */
export async function elapsed<T>(
  work: () => Promise<T>,
): Promise<{ elapsed: Elapsed } & ({ ok: true; value: T } | { ok: false; error: unknown })> {
  // The wait is read inside the clock's window, never outside it: a wait for a CPU while
  // reading the figure itself is then on the clock too, so no more is ever taken away than
  // the window held (the thread is running at each read, so every wait counted between the
  // two reads began and ended between them).
  const start = process.hrtime.bigint()
  const waitBefore = runQueueWaitNs()
  let outcome: { ok: true; value: T } | { ok: false; error: unknown }
  try {
    outcome = { ok: true, value: await work() }
  } catch (error) {
    outcome = { ok: false, error }
  }
  const waitAfter = runQueueWaitNs()
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  const cpuWaitMs =
    waitBefore === undefined || waitAfter === undefined ? undefined : Number(waitAfter - waitBefore) / 1e6
  const ms = Math.max(0, wallMs - (cpuWaitMs ?? 0))
  return { ...outcome, elapsed: { ms, wallMs, cpuWaitMs } }
}

/** Fails, with every figure, unless `what` took under `limitMs` by the measure above. */
export function expectWithin(e: Elapsed, limitMs: number, what: string): void {
  if (e.ms < limitMs) return
  const wait =
    e.cpuWaitMs === undefined
      ? 'the wait for a CPU is unknown here, so all of it counted'
      : `${e.cpuWaitMs.toFixed(0)} ms of it waiting for a CPU, not counted`
  throw new Error(
    `${what} took ${e.ms.toFixed(0)} ms (${e.wallMs.toFixed(0)} ms on the clock, ${wait}); the limit is ${limitMs} ms`,
  )
}

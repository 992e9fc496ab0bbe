import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import ts from 'typescript'
import { elapsed, expectWithin, runQueueWaitNs, type Elapsed } from '../../helpers/elapsed'

/**
 * A sleep of `ms` measured by elapsed() on a thread that does nothing else, as the measure
 * asks (one piece of work per window). Jest's own thread runs its timers and reporters
 * meanwhile: on a loaded machine each of their wake-ups waits for a CPU, and the measure
 * rightly takes those waits away, so a sleep measured there read 70 ms for 300. The helper
 * is compiled here and given to the thread as JavaScript: compiling TypeScript on that thread
 * would leave the compiler's clean-up work running on it during the sleep.
 */
function sleepOnAThreadOfItsOwn(ms: number): Promise<Elapsed> {
  const source = fs.readFileSync(path.resolve(__dirname, '../../helpers/elapsed.ts'), 'utf8')
  const helper = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023, esModuleInterop: true },
  }).outputText
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads')
     const helper = { exports: {} }
     new Function('require', 'module', 'exports', workerData.helper)(require, helper, helper.exports)
     helper.exports
       .elapsed(() => new Promise((resolve) => setTimeout(resolve, workerData.ms)))
       .then((r) => parentPort.postMessage(r.elapsed))`,
    { eval: true, workerData: { helper, ms } },
  )
  return new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}

// The measure behind the tests with time limits (test/helpers/elapsed.ts).
describe('time measured without the wait for a CPU', () => {
  it('counts time asleep on a timer, so a late deadline still fails', async () => {
    const e = await sleepOnAThreadOfItsOwn(300)
    // A sleeping thread waits for no CPU: the 300 ms count (only its wake-up's wait is taken away;
    // the margin is the timer's millisecond rounding).
    expect(e.ms).toBeGreaterThanOrEqual(295)
    expect(e.ms).toBeLessThanOrEqual(e.wallMs)
    expect(() => expectWithin(e, 250, 'a 300 ms sleep')).toThrow(/a 300 ms sleep took \d+ ms .*the limit is 250 ms/)
  })

  it('takes away only the time the kernel says the thread was runnable with no CPU', async () => {
    const { elapsed: e } = await elapsed(async () => {
      const until = process.hrtime.bigint() + 200_000_000n
      while (process.hrtime.bigint() < until);
    })
    expect(e.ms).toBeCloseTo(e.wallMs - (e.cpuWaitMs ?? 0), 6)
    expect(e.cpuWaitMs ?? 0).toBeGreaterThanOrEqual(0)
  })

  it('gives back a rejection as its outcome, measured like a success', async () => {
    const result = await elapsed(() => Promise.reject(new Error('down')))
    expect(result).toMatchObject({ ok: false, error: new Error('down') })
    expect(result.elapsed.ms).toBeGreaterThanOrEqual(0)
  })

  // CI runs on Linux: there the correction must be in force, not silently off.
  it('reads the run-queue wait on Linux, and says it cannot elsewhere', () => {
    if (process.platform === 'linux') expect(runQueueWaitNs()).toEqual(expect.any(BigInt))
    else expect(runQueueWaitNs()).toBeUndefined()
  })
})

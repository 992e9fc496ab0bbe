import { elapsed, expectWithin, runQueueWaitNs } from '../../helpers/elapsed'

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// The measure behind the tests with time limits (test/helpers/elapsed.ts).
describe('time measured without the wait for a CPU', () => {
  it('counts time asleep on a timer, so a late deadline still fails', async () => {
    await sleep(100) // Jest's own start-up work on this thread settles first
    const { elapsed: e } = await elapsed(() => sleep(300))
    // A sleeping thread waits for no CPU; the margin is for a stray wake-up of this thread.
    expect(e.ms).toBeGreaterThanOrEqual(250)
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

import { spawnTsChild } from './ts-child'

export interface KillSwitch {
  /** Resolves once the watcher is polling, so the batch can be fired. */
  ready: Promise<void>
  /** Resolves with the number of stored submissions it saw when it sent SIGKILL. */
  fired: Promise<number>
  /** Stops the watcher if it is still running (a failed test). */
  stop(): void
}

/**
 * Arms children/kill-at-count.ts: SIGKILL to `pid` as soon as `threshold` submissions are
 * stored in the database (`dialect`, `target` as the portal opens it).
 */
export function killAtCount(dialect: string, target: string, pid: number, threshold: number): KillSwitch {
  const child = spawnTsChild('kill-at-count.ts', [dialect, target, String(pid), String(threshold)])
  let out = ''
  let err = ''
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (out.includes('ready\n')) markReady()
  })
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const fired = new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => {
      const killed = /killed (\d+)/.exec(out)?.[1]
      if (code === 0 && killed) resolve(Number(killed))
      else reject(new Error(`kill switch exited with ${code}: ${err}`))
    })
  })
  // Handled here too, so a test that fails before awaiting it leaves no unhandled rejection.
  fired.catch(() => undefined)
  // A watcher that dies before it is ready must not leave the test waiting for `ready`.
  const readyOrFailed = Promise.race([ready, fired.then(() => undefined)])
  return {
    ready: readyOrFailed,
    fired,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
  }
}

import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/**
 * Runs a TypeScript helper under test/helpers/children/ in its own Node process (this Node,
 * compiled on require by ts-register.js), with stdout and stderr piped back: for what must
 * happen outside the test's process, such as a second instance migrating or a watcher
 * that kills the portal.
 */
export function spawnTsChild(name: string, args: readonly string[]): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'test/helpers/ts-register.js'), path.join(ROOT, 'test/helpers/children', name), ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
}

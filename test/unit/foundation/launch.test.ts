import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * `npm start` is the one place the production launch line is written (the benchmark reads
 * it too); the Dockerfile repeats it as ENV and CMD, and must say the same: the settings
 * bound resident size (README, Performance), so an image without them would not be the
 * process that was measured.
 */
const root = path.resolve(__dirname, '..', '..', '..')

function startLaunch(): { env: string[]; flags: string[] } {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }
  const launch = /((?:[A-Z_]+=\S+ )*)node ((?:--\S+ )*)dist\/server\.js/.exec(pkg.scripts.start)
  if (!launch) throw new Error(`No node … dist/server.js in the start script: ${pkg.scripts.start}`)
  const words = (text: string | undefined) => (text ?? '').split(' ').filter(Boolean)
  return { env: words(launch[1]), flags: words(launch[2]) }
}

const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '))

describe('production launch line', () => {
  it('has the same V8 flags in the Dockerfile CMD as in npm start', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(runtimeStage)?.[1]
    expect(cmd).toBeDefined()
    expect(JSON.parse(cmd as string)).toEqual(['node', ...startLaunch().flags, 'dist/server.js'])
  })

  it('sets the environment of npm start in the runtime image', () => {
    const env = [...runtimeStage.matchAll(/^ENV (.+)$/gm)].flatMap((m) => (m[1] as string).split(/\s+/))
    const { env: wanted } = startLaunch()
    expect(wanted.length).toBeGreaterThan(0)
    for (const pair of wanted) expect(env).toContain(pair)
  })
})

describe('heap size', () => {
  it('is sized from the memory the process may use, never a fixed cap a burst could reach', () => {
    const { flags } = startLaunch()
    expect(flags.filter((f) => f.startsWith('--max-old-space-size='))).toEqual([])
    expect(flags).toContain('--max-old-space-size-percentage=50')
  })

  it('follows the container limit where there is one, else the machine (as Node documents the flag)', () => {
    const run = spawnSync(
      process.execPath,
      [
        ...startLaunch().flags,
        '-e',
        "const v8=require('node:v8');console.log(JSON.stringify({heap:v8.getHeapStatistics().heap_size_limit,limit:process.constrainedMemory()}))",
      ],
      { encoding: 'utf8' },
    )
    const { heap, limit } = JSON.parse(run.stdout) as { heap: number; limit: number }
    // A cgroup limit under the machine's memory is the container's; otherwise there is none.
    const available = limit > 0 && limit < os.totalmem() ? limit : os.totalmem()
    const oldSpace = available / 2
    // The heap limit is the old space plus the young generation (4 MB semi-spaces).
    expect(heap).toBeGreaterThanOrEqual(oldSpace - 2 ** 20)
    expect(heap).toBeLessThan(oldSpace + 64 * 2 ** 20)
  })
})

import fs from 'node:fs'
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

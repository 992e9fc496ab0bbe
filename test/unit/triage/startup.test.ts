import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '../../..')

describe('starting the portal with a broken catalogue', () => {
  it('exits with a message naming the broken rule, before listening', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-start-'))
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/run-ts.cjs'), path.join(root, 'test/fixtures/triage/start-with-broken-catalogue.ts')],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: '0' },
        encoding: 'utf8',
        // Only a guard against a portal that hangs instead of exiting: a start-up takes
        // seconds, but on a loaded 2-core machine compiling it can take well over 20.
        timeout: 120_000,
      },
    )
    fs.rmSync(dataDir, { recursive: true, force: true })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('The triage catalogue is broken')
    expect(result.stderr).toContain(
      'service "caring/carers-credit" refers to fact "nation:wale", which no answer or derivation sets',
    )
    expect(result.stdout).not.toContain('listening')
  }, 150_000)
})

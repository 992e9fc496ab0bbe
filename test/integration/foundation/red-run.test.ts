import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../../../app/paths'

// A red run must be red: the project's own Jest configuration (its global set-up and
// teardown included) run in a child process over a fixture that fails on purpose must exit
// non-zero, and CI's results check must refuse its JSON. The failing case also leaves a
// server that closes during the teardown's grace period: the case that once let Node exit 0.
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js')
const FIXTURE = path.join('test', 'fixtures', 'red-run', 'red.test.ts')
const CHECK = path.join(ROOT, 'scripts', 'check-test-results.mjs')

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

async function jestRun(mode: string): Promise<{ code: number | null; verdict: number | null; output: string }> {
  const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'red-run-')), 'results.json')
  const jest = await run(
    [
      JEST,
      '--config',
      'jest.config.js',
      '--selectProjects',
      'sqlite',
      '--testPathIgnorePatterns',
      '/node_modules/',
      '--json',
      '--outputFile',
      results,
      '--runTestsByPath',
      FIXTURE,
    ],
    { RED_RUN: mode, PORTAL_ALREADY_BUILT: '1' },
  )
  const check = await run([CHECK, results], { CI: 'true' })
  return { code: jest.code, verdict: check.code, output: jest.output + check.output }
}

describe('a test run', () => {
  test('with a failing test exits non-zero, and the CI results check refuses it', async () => {
    const { code, verdict, output } = await jestRun('fail-with-closing-handle')
    expect(output).toContain('1 failed')
    expect(code).not.toBe(0)
    expect(verdict).toBe(1)
  }, 120_000)

  test('with only passing tests exits 0, and the CI results check accepts it', async () => {
    const { code, verdict, output } = await jestRun('pass')
    expect(output).toContain('1 of 1 tests passed')
    expect(code).toBe(0)
    expect(verdict).toBe(0)
  }, 120_000)

  test('the CI results check refuses a run in which no test ran', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'red-run-'))
    const empty = path.join(dir, 'results.json')
    fs.writeFileSync(
      empty,
      JSON.stringify({
        numTotalTests: 0,
        numFailedTests: 0,
        numFailedTestSuites: 0,
        numRuntimeErrorTestSuites: 0,
        numPendingTests: 0,
        numTodoTests: 0,
        success: true,
        testResults: [],
      }),
    )
    expect((await run([CHECK, empty], { CI: 'true' })).code).toBe(1)
    expect((await run([CHECK, path.join(dir, 'missing.json')], { CI: 'true' })).code).toBe(1)
  })
})

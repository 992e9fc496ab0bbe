import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../../app/paths'

// One clock: app/ reads the time only through the injected clock (app/clock.ts), so the test
// app can pin it. The guard is an ESLint rule (eslint.config.mjs, run by `npm run lint` in
// CI); this proves the rule fires, through the project's real configuration, and keeps the
// list of places that are allowed the wall clock short and explained.
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js')

interface Finding {
  ruleId: string | null
  line: number
}

/** Lints `code` as if it were the file at `file`, with the project's configuration. */
function lint(file: string, code: string): Finding[] {
  const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  })
  if (run.status !== 0 && run.status !== 1) throw new Error(`ESLint failed: ${run.stderr}`)
  const [result] = JSON.parse(run.stdout) as { messages: Finding[] }[]
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax')
}

/**
 * The places in app/ allowed to read the wall clock besides app/clock.ts, each with why.
 * A new one must be added here, in review, with its reason.
 */
const ALLOWED: Record<string, string> = {
  // express-session stamps cookie.expires from the wall clock; the time a session has left
  // must be read off that same clock before it is counted from the app's clock.
  'app/store/sqlite-session-store.ts': "express-session's own clock",
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

describe('one clock for the whole app', () => {
  const code = [
    'export const a = new Date()',
    'export const b = Date.now()',
    'export const c = Date.now',
    'export const d = Date()',
    'export const e = new Date(Date.UTC(2026, 0, 15))',
    "export const f = new Date('2026-01-15')",
    '',
  ].join('\n')

  it('lint refuses every way of reading the wall clock in app/, and allows parsing a date', () => {
    expect(lint('app/triage/new-file.ts', code).map((f) => f.line)).toEqual([1, 2, 3, 4])
  })

  it('allows it in the clock itself, and outside app/ (tests, benchmarks, scripts)', () => {
    expect(lint('app/clock.ts', code)).toEqual([])
    expect(lint('test/helpers/new-file.ts', code)).toEqual([])
  })

  it('is switched off only in the listed places, each saying why', () => {
    const disabled = filesUnder('app')
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(ROOT, file), 'utf8')
          .split('\n')
          .filter((line) => /eslint-disable.*no-restricted-syntax/.test(line))
          .map((line) => ({ file, reason: line.split(' -- ')[1]?.trim() ?? '' })),
      )
    expect(disabled.map((d) => d.file).sort()).toEqual(Object.keys(ALLOWED).sort())
    for (const { file, reason } of disabled) expect(reason).toContain(ALLOWED[file])
  })
})

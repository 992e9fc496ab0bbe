import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * The import directions of DESIGN.md are checked by `npm run lint:deps` (dependency-cruiser
 * with .dependency-cruiser.cjs), in `npm run check` and CI. A rule that matched nothing
 * would pass forever, so each rule is shown failing here: a small tree laid out like app/,
 * with one forbidden import per rule, is checked by the same command and configuration, and
 * the same tree with only allowed imports passes.
 */
const root = path.resolve(__dirname, '..', '..', '..')
const cli = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs')

/** Files every tree has: imports that are allowed, room by room. */
const ALLOWED: Record<string, string> = {
  'app/rules/evaluate.ts': 'export const evaluate = 1\n',
  'app/triage/plan.ts': "import { evaluate } from '../rules/evaluate'\nexport const plan = evaluate\n",
  'app/store/db.ts': 'export interface Db { run(): void }\nexport const openDb = (): Db => ({ run() {} })\n',
  'app/views/rendering.ts': 'export const createRendering = () => 1\n',
  'app/views/render-cache.ts': "import zlib from 'node:zlib'\nexport const cache = zlib.constants\n",
  'app/applications/service/drafts.ts':
    "import { openDb } from '../../store/db'\nimport { plan } from '../../triage/plan'\nexport const drafts = () => [openDb(), plan]\n",
  'app/applications/http/routes.ts':
    "import type { Router } from 'express'\nimport type { Db } from '../../store/db'\nimport { drafts } from '../service/drafts'\nexport const routes = (r: Router, db: Db) => [r, db, drafts]\n",
  'app/middleware/locale.ts': "import { plan } from '../triage/plan'\nexport const locale = plan\n",
  'app/app.ts': "import { createRendering } from './views/rendering'\nexport const app = createRendering\n",
  'test/helper.ts': 'export const helper = 1\n',
}

/** One forbidden import per rule: the file that makes it, and the rule that must name it. */
const FORBIDDEN: { file: string; source: string; rule: string; with?: Record<string, string> }[] = [
  {
    rule: 'engine-is-pure',
    file: 'app/triage/uses-express.ts',
    source: "import express from 'express'\nexport const e = express\n",
  },
  {
    rule: 'engine-is-pure',
    file: 'app/rules/reads-store.ts',
    source: "import { openDb } from '../store/db'\nexport const r = openDb\n",
  },
  {
    rule: 'engine-is-pure',
    file: 'app/triage/reads-clock.ts',
    source: "import { now } from '../clock'\nexport const c = now\n",
  },
  {
    rule: 'engine-is-pure',
    file: 'app/applications/renders.ts',
    source: "import { routes } from './http/routes'\nexport const x = routes\n",
  },
  {
    rule: 'service-speaks-no-http',
    file: 'app/applications/service/responds.ts',
    source: "import type { Response } from 'express'\nexport const s = (res: Response) => res\n",
  },
  {
    rule: 'http-goes-through-a-service',
    file: 'app/applications/http/queries.ts',
    source: "import { openDb } from '../../store/db'\nexport const q = openDb\n",
  },
  {
    rule: 'middleware-knows-no-routes',
    file: 'app/middleware/calls-routes.ts',
    source: "import { routes } from '../applications/http/routes'\nexport const m = routes\n",
  },
  {
    rule: 'views-know-no-area',
    file: 'app/views/knows-triage.ts',
    source: "import { plan } from '../triage/plan'\nexport const v = plan\n",
  },
  {
    rule: 'rendering-is-one-service',
    file: 'app/triage/http/keys-the-cache.ts',
    source: "import { cache } from '../../views/render-cache'\nexport const k = cache\n",
  },
  {
    rule: 'only-views-compress',
    file: 'app/middleware/gzip.ts',
    source: "import zlib from 'node:zlib'\nexport const g = zlib\n",
  },
  {
    rule: 'app-never-imports-tests',
    file: 'app/site/fixture.ts',
    source: "import { helper } from '../../test/helper'\nexport const f = helper\n",
  },
  {
    rule: 'no-circular',
    file: 'app/a11y/one.ts',
    source: "import { two } from './two'\nexport const one = () => two\n",
    with: { 'app/a11y/two.ts': "import { one } from './one'\nexport const two = () => one\n" },
  },
]

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dependency-rules-'))
  const all = { ...files, 'app/clock.ts': 'export const now = () => new Date()\n' }
  for (const [file, source] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), source)
  }
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
  )
  // express, its types and the rest resolve from the project's own node_modules.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  return dir
}

/** `npm run lint:deps` in `dir`: its exit status and the violations it reports as `rule file`. */
function check(dir: string): { status: number | null; violations: string[]; output: string } {
  const run = spawnSync(process.execPath, [cli, 'app', '--config', path.join(root, '.dependency-cruiser.cjs')], {
    cwd: dir,
    encoding: 'utf8',
  })
  const output = `${run.stdout}${run.stderr}`
  const violations = [...output.matchAll(/error (\S+): (\S+) →/g)].map((m) => `${m[1]} ${m[2]}`)
  return { status: run.status, violations, output }
}

const made: string[] = []
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true })
})

describe('dependency rules', () => {
  it('pass a tree whose imports all go the allowed way', () => {
    const dir = tree(ALLOWED)
    made.push(dir)
    const result = check(dir)
    expect(result.violations).toEqual([])
    expect(result.status).toBe(0)
  })

  it('fail the check on each forbidden import, naming the rule and the file', () => {
    const dir = tree(Object.assign({}, ALLOWED, ...FORBIDDEN.map((f) => ({ [f.file]: f.source, ...f.with }))))
    made.push(dir)
    const result = check(dir)
    expect(result.status).not.toBe(0)
    for (const { rule, file } of FORBIDDEN) expect(result.violations).toContain(`${rule} ${file}`)
    // Nothing allowed was reported alongside.
    for (const file of Object.keys(ALLOWED)) expect(result.violations.filter((v) => v.endsWith(` ${file}`))).toEqual([])
  })
})

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import { registry } from '../../../app/a11y/registry'
import type { PageState } from '../../../app/a11y/page-state'
import { draftRecordSchema, submissionRecordSchema } from '../../helpers/record-schemas/application'
import { auditEventRecordSchema } from '../../helpers/record-schemas/audit'
import { staffAccountRecordSchema } from '../../helpers/record-schemas/staff'
import { createTestApp, type TestApp } from '../../helpers/app'
import { hostileRequest } from '../../helpers/fuzz/arbitraries'
import { problemsWith } from '../../helpers/fuzz/checks'
import { FuzzClient } from '../../helpers/fuzz/client'
import { fuzzSeed } from '../../helpers/fuzz/seed'
import { appRoutes, pathOf, type AppRoute } from '../../helpers/fuzz/routes'
import { harvestTargets, replay, type SignIn, type Target } from '../../helpers/fuzz/targets'
import { createStaff, type TestStaff } from '../../helpers/staff'
import { testBackend } from '../../helpers/test-backend'

/**
 * Hostile input at scale: every form and every link the portal shows, found by walking the
 * page-state registry (which each area derives from its own definitions), is sent fast-check
 * generated hostile requests from a session that is exactly where a citizen (or member of
 * staff) would be. No reply may be a 5xx, leak a stack trace or a server path, or redirect
 * off-site; afterwards every stored row must pass the app's own record schemas.
 *
 * 10,000 requests under CI=true, 1,000 otherwise (a fifth of that on PostgreSQL + Redis);
 * FUZZ_REQUESTS overrides; the seed is fixed under CI and printed (test/helpers/fuzz/seed.ts), FUZZ_SEED
 * replays a run (target i uses seed + i); FUZZ_PROFILE=1 prints the slowest requests.
 */
const CI = process.env.CI === 'true'
// The PostgreSQL + Redis run repeats a fifth of it: the same code paths, a second store.
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? (CI ? 10_000 : 1_000) / (testBackend() === 'postgres' ? 5 : 1))
const SEED = fuzzSeed('hostile fuzz over every form')
const CONCURRENCY = 4

/** JSON endpoints for machines: no page links to them, they take no form. Everything else must be fuzzed. */
const MACHINE_ENDPOINTS = ['get /health', 'get /ready', 'get /api/v1/submissions', 'get /api/v1/submissions/:reference']

let t: TestApp
let server: http.Server
let origin: string
let routes: AppRoute[]
let targets: Target[]
let setupRequests = 0
const staff = new Map<string, Promise<TestStaff>>()

const signIn: SignIn = async (client, role, halfWay) => {
  const key = `${role} ${halfWay ?? ''}`
  let account = staff.get(key)
  if (!account) {
    account = createStaff(t, role, undefined, {
      twoFactor: halfWay !== 'set-up',
      mustChangePassword: halfWay === 'new-password',
    })
    staff.set(key, account)
  }
  const { email, password, nextCode } = await account
  await client.get('/staff/sign-in')
  await client.post('/staff/sign-in', { email, password })
  setupRequests += 2
  if (halfWay === 'code' || halfWay === 'set-up') return
  await client.post('/staff/sign-in/code', { code: await nextCode() })
  setupRequests += 1
}

beforeAll(async () => {
  t = await createTestApp()
  server = http.createServer(t.app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  routes = appRoutes(t.app)
  // An admin's page for one account is addressed by the account's id, which the registry's
  // fixed steps cannot know: its forms are harvested from a page state made here.
  const subject = await createStaff(t, 'adviser')
  const accountPage: PageState = {
    id: 'staff/accounts/one',
    journey: 'staff',
    description: 'An administrator looking at one staff account',
    steps: [{ get: `/staff/accounts/${subject.id}` }],
    expectStatus: 200,
    staffRole: 'admin',
  }
  // The case list's "Continue" forms exist only once a case is open; its shortest state is the empty list.
  const withCases = registry().states.filter((s) => s.id === 'staff/cases/with-a-case')
  expect(withCases).toHaveLength(1)
  const harvest = await harvestTargets(
    [...registry().states, accountPage],
    routes,
    () => new FuzzClient(origin),
    signIn,
    withCases,
  )
  targets = harvest.targets
  setupRequests += harvest.setupRequests
}, 120_000)

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await t?.close()
})

describe('hostile input over every form route', () => {
  it('fuzzes every route the app registers (a new route without a fuzz target fails here)', () => {
    const unfuzzed = routes
      .filter((r) => !MACHINE_ENDPOINTS.includes(`${r.method} ${r.pattern}`))
      .filter((r) => !targets.some((x) => x.method === r.method && r.matches(pathOf(x.url))))
      .map((r) => `${r.method.toUpperCase()} ${r.pattern}`)
    expect(unfuzzed).toEqual([])
    // The exemptions are real routes, so a renamed endpoint cannot hide behind a stale entry.
    for (const exempt of MACHINE_ENDPOINTS) expect(routes.map((r) => `${r.method} ${r.pattern}`)).toContain(exempt)
  })

  it(`answers ${REQUESTS} hostile requests without a 5xx, a leak or an off-site redirect`, async () => {
    // Forms get most of the budget; links (hostile queries on GET pages) less; the auditors'
    // own tools (a full index, server-side replays) a token share: they are heavy and not forms.
    const weightOf = (x: Target) =>
      x.method === 'post' ? 4 : x.url.startsWith('/accessibility/pages') ? 0.25 : x.names.length ? 2 : 1
    const totalWeight = targets.reduce((sum, x) => sum + weightOf(x), 0)
    const runsOf = (x: Target) => Math.max(3, Math.ceil((REQUESTS * weightOf(x)) / totalWeight))
    // Sign-in (both its steps) last: fuzzing it trips the sign-in throttles, which would
    // refuse the other staff set-ups.
    const signInLast = (x: Target) => Number(x.key.startsWith('post /staff/sign-in'))
    const ordered = [...targets].sort((a, b) => signInLast(a) - signInLast(b))
    const failures: string[] = []
    let sent = 0
    const statuses = new Map<number, number>()
    const slow: [number, string][] = []
    const started = Date.now()
    const cpuBefore = process.cpuUsage()

    async function fuzz(target: Target, index: number) {
      const fresh = async () => {
        const session = new FuzzClient(origin)
        await replay(session, target.state, signIn)
        setupRequests += target.state.steps.length
        return session
      }
      let client = target.session ?? (await fresh())
      let refused = 0
      // An example of an error page (500, 503) answers with that status by design, as the registry says.
      const allowed = target.state.expectStatus >= 500 ? target.state.expectStatus : undefined
      try {
        await fc.assert(
          fc.asyncProperty(
            hostileRequest(target, () => client.token),
            async (request) => {
              const t0 = Date.now()
              const reply = await client.send(request)
              const ms = Date.now() - t0
              if (process.env.FUZZ_PROFILE)
                slow.push([
                  ms,
                  `${reply.status} ${request.method} ${request.url.slice(0, 60)} ${request.body?.length ?? 0}`,
                ])
              sent += 1
              statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1)
              const problems = problemsWith(request, reply, allowed)
              if (problems.length) throw new Error(problems.join('\n'))
              // Two refusals in a row: the session ended (deleted, signed out). Start again from the state.
              refused = reply.status === 403 || reply.location?.startsWith('/session/') ? refused + 1 : 0
              if (refused >= 2 || reply.location?.startsWith('/session/')) {
                client = await fresh()
                refused = 0
              }
            },
          ),
          { numRuns: runsOf(target), seed: SEED + index, endOnFailure: true },
        )
      } catch (error) {
        failures.push(
          `${target.key} (from ${target.state.id}, seed ${SEED + index}):\n${`${String((error as Error).cause ?? '')}\n${(error as Error).message}`.slice(0, 2000)}`,
        )
      }
    }

    const queue = ordered.slice(0, -1).map((target, i) => ({ target, i }))
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await fuzz(next.target, next.i)
      }),
    )
    const last = ordered[ordered.length - 1]
    if (last) await fuzz(last, ordered.length - 1)

    const seconds = (Date.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)
    const cpuSeconds = (cpu.user + cpu.system) / 1e6
    const posts = targets.filter((x) => x.method === 'post').length
    process.stdout.write(
      `hostile fuzz: ${sent} hostile requests (+${setupRequests} set-up) over ${targets.length} targets on ${testBackend()} ` +
        `(${posts} POST forms, ${targets.length - posts} GET forms and links), seed ${SEED}, ` +
        `${seconds.toFixed(1)} s, ${Math.round(sent / seconds)} req/s, ${cpuSeconds.toFixed(1)} s CPU${CI ? ' [CI]' : ''}\n` +
        `  statuses: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, n]) => `${status}×${n}`)
          .join(' ')}\n`,
    )
    if (process.env.FUZZ_PROFILE) {
      slow.sort((a, b) => b[0] - a[0])
      process.stdout.write(
        slow
          .slice(0, 40)
          .map((x) => x.join(' '))
          .join('\n') + `\ntotal ms ${slow.reduce((a, b) => a + b[0], 0)}\n`,
      )
    }
    expect(failures).toEqual([])
    expect(sent).toBeGreaterThanOrEqual(REQUESTS)
  }, 600_000)

  it('stored nothing that fails its schema', async () => {
    const today = t.clock.now().toISOString().slice(0, 10)
    const invalid: string[] = []
    const check = async (
      table: string,
      schema: { safeParse(v: unknown): { success: boolean; error?: { issues: unknown[] } } },
    ) => {
      const rows = await t.runtime.db.all<Record<string, unknown>>(`SELECT * FROM ${table}`)
      for (const row of rows) {
        const result = schema.safeParse(row)
        if (!result.success)
          invalid.push(`${table} ${String(row.id)}: ${JSON.stringify(result.error?.issues).slice(0, 500)}`)
      }
      return rows.length
    }
    const drafts = await check('application_drafts', draftRecordSchema(today))
    const submissions = await check('submissions', submissionRecordSchema(today))
    const accounts = await check('staff_accounts', staffAccountRecordSchema)
    const events = await check('audit_events', auditEventRecordSchema)
    process.stdout.write(
      `hostile fuzz stored: ${drafts} drafts, ${submissions} submissions, ${accounts} staff accounts, ${events} audit events; ${invalid.length} invalid\n`,
    )
    expect(invalid).toEqual([])
    expect(drafts).toBeGreaterThan(0)
  })
})

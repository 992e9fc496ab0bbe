import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { staffAdd } from '../../../app/cli/staff-add'
import { Browserish, createTestApp, type TestApp } from '../../helpers/app'
import { signInFirstTime } from '../../helpers/staff'

function io() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } }
}

describe('npm run staff:add', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(async () => {
    await t.close()
  })

  const env = () => ({ NODE_ENV: 'test', DATA_DIR: t.dataDir })

  it('creates an account in the store DATA_DIR points at, which then signs in', async () => {
    const run = io()
    const code = await staffAdd(
      ['--email', 'Advi.Ser@Library.test', '--password', 'reading-room-lamp-77', '--role', 'adviser'],
      env(),
      run.io,
      t.clock.now,
    )
    expect(run.err).toEqual([])
    expect(code).toBe(0)
    expect(run.out[0]).toMatch(/^Created adviser advi.ser@library.test \(id [0-9a-f-]{36}\)$/)
    const client = new Browserish(t.app)
    await signInFirstTime(client, { email: 'advi.ser@library.test', password: 'reading-room-lamp-77' }, t.clock.now)
    expect((await client.get('/staff')).text).toContain('Start helping someone')
  })

  it('prints a generated password when none is given, and that password works', async () => {
    const run = io()
    expect(await staffAdd(['--email', 'gen@staff.test', '--role', 'auditor'], env(), run.io, t.clock.now)).toBe(0)
    const password = /^Password: (\S+)$/.exec(run.out[1] ?? '')?.[1]
    expect(password).toBeDefined()
    await signInFirstTime(new Browserish(t.app), { email: 'gen@staff.test', password: password ?? '' }, t.clock.now)
  })

  it('logs the new account as a staff change by its id, never its email or password', async () => {
    const run = io()
    const argv = ['--email', 'logged@staff.test', '--password', 'lantern-harbour-41', '--role', 'admin']
    expect(await staffAdd(argv, { ...env(), LOG_LEVEL: 'info' }, run.io, t.clock.now)).toBe(0)
    const id = /\(id ([0-9a-f-]{36})\)/.exec(run.out[0] ?? '')?.[1]
    const events = run.out.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as unknown)
    expect(events).toEqual([
      expect.objectContaining({
        log: 'security',
        event: 'staff-change',
        level: 30,
        actorId: null,
        targetId: id,
        change: 'staff-created',
      }),
    ])
    expect(run.out.join('\n')).not.toMatch(/lantern-harbour-41/)
    expect(run.out.filter((line) => line.startsWith('{')).join('\n')).not.toContain('logged@staff.test')
  })

  it.each([
    [['--email', 'a@staff.test', '--password', 'password1234', '--role', 'admin'], 1, 'too common'],
    [['--email', 'b@staff.test', '--password', 'short', '--role', 'admin'], 1, 'at least 12 characters'],
    [['--email', 'c@staff.test', '--password', 'long-enough-phrase', '--role', 'boss'], 1, 'role must be one of'],
    [['--email', 'not-an-email', '--password', 'long-enough-phrase', '--role', 'admin'], 1, 'not an email'],
    [['--role', 'admin'], 2, 'Usage'],
    [['--email', 'x@staff.test', '--role', 'admin', '--nonsense'], 2, 'Usage'],
  ])('refuses %j (exit %i)', async (argv, exit, message) => {
    const run = io()
    expect(await staffAdd(argv, env(), run.io, t.clock.now)).toBe(exit)
    expect(run.err.join('\n')).toContain(message)
  })

  it('refuses a second account with the same email', async () => {
    const argv = ['--email', 'twice@staff.test', '--password', 'first-of-two-tries', '--role', 'adviser']
    expect(await staffAdd(argv, env(), io().io, t.clock.now)).toBe(0)
    const run = io()
    expect(await staffAdd(argv, env(), run.io, t.clock.now)).toBe(1)
    expect(run.err[0]).toContain('already exists')
  })

  it('works as the real npm script, which builds first', async () => {
    const result = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'staff:add',
        '--',
        '--email',
        'npm@staff.test',
        '--password',
        'built-and-run-99',
        '--role',
        'admin',
      ],
      {
        cwd: path.resolve(__dirname, '../../..'),
        env: { ...process.env, ...env() },
        encoding: 'utf8',
        timeout: 170_000,
      },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Created admin npm@staff.test')
    await signInFirstTime(new Browserish(t.app), { email: 'npm@staff.test', password: 'built-and-run-99' }, t.clock.now)
  }, 180_000)
})
